import type { Feature } from '../features.js';
import { ensureFullTextIndex, fullTextIsEmpty } from '../db/dialect.js';
import { searchIds, indexAfterWrite, reindexAll } from './search.service.js';
import { createSearchIndexer, type SearchIndexer } from './search-indexer.js';
import { highlightItem } from './search-highlight.js';
import { duplicateRoutes } from '../duplicates/duplicate.routes.js';
import { sheetRoutes } from '../sheets/sheet.routes.js';

const noStartupIndex = new WeakSet<object>();
/** For `qingdan search reindex`, which rebuilds the index itself: no automatic build first. */
export const skipStartupIndex = (services: object) => noStartupIndex.add(services);

const indexers = new WeakMap<object, SearchIndexer>();
/** The app's search indexer (tests and commands flush it). */
export const searchIndexerOf = (services: object): SearchIndexer | undefined => indexers.get(services);

/**
 * Finding and moving the list: Chinese full-text search (the list's `q`), duplicate suggestions,
 * spreadsheet import and export. One feature because they share the index and the item writes.
 */
export const searchSheetsFeature: Feature = {
  name: 'search-sheets',
  install(services) {
    const indexer = createSearchIndexer(services.db);
    indexers.set(services, indexer);
    // In the writing transaction only the queue row; the indexer writes the index after commit.
    services.problemDeps.hooks.afterWrite.push(async (trx, write) => {
      if (await indexAfterWrite(trx, write)) indexer.schedule();
    });
    // Read-your-writes: whatever was written before a query is indexed before it runs.
    services.problemDeps.searchIds = async (db, q, opts) => {
      await indexer.catchUp();
      return searchIds(db, q, opts);
    };
    services.problemDeps.searchDecorate = (item, q) => {
      const h = highlightItem(item, q);
      if (Object.keys(h).length) (item as Record<string, unknown>).highlight = h;
    };
  },
  routes: (services) => async (app) => {
    const indexer = indexers.get(services)!;
    indexer.onError = (err) => app.log.error({ err }, 'search indexing failed; the items stay queued');
    // Items written before the index existed (an upgrade, the demo seed, a bulk load) are indexed
    // on the first start that finds items but no index: before serving when that takes seconds,
    // in the background for big lists (search fills up meanwhile). Items a crash left queued are
    // indexed before serving.
    app.addHook('onReady', async () => {
      const { db } = services;
      await ensureFullTextIndex(db);
      indexer.start();
      if (noStartupIndex.has(services) || !(await fullTextIsEmpty(db))) {
        await indexer.flush();
        return;
      }
      const n = Number(
        (
          await db
            .selectFrom('problems')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (n === 0) return;
      const build = async () => {
        const started = Date.now();
        await reindexAll(db);
        await indexer.flush();
        app.log.info({ items: n, ms: Date.now() - started }, 'search index built');
      };
      if (n <= 50_000) return build();
      app.log.warn(
        { items: n },
        'search index is empty: building it in the background (or run `qingdan search reindex`)',
      );
      void build().catch((err) => app.log.error({ err }, 'building the search index failed'));
    });
    // Duplicate suggestions search the index too: they must see the items written before them.
    await app.register(async (scope) => {
      scope.addHook('preHandler', async () => indexer.catchUp());
      await scope.register(duplicateRoutes(services));
    });
    await app.register(sheetRoutes(services));
  },
  async close(services) {
    await indexers.get(services)?.stop();
  },
};
