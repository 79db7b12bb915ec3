import type { Feature } from '../features.js';
import { fullTextIsEmpty } from '../db/dialect.js';
import { searchIds, indexAfterWrite, reindexAll } from './search.service.js';
import { highlightItem } from './search-highlight.js';
import { duplicateRoutes } from '../duplicates/duplicate.routes.js';
import { sheetRoutes } from '../sheets/sheet.routes.js';

const noStartupIndex = new WeakSet<object>();
/** For `qingdan search reindex`, which rebuilds the index itself: no automatic build first. */
export const skipStartupIndex = (services: object) => noStartupIndex.add(services);

/**
 * Finding and moving the list: Chinese full-text search (the list's `q`), duplicate suggestions,
 * spreadsheet import and export. One feature because they share the index and the item writes.
 */
export const searchSheetsFeature: Feature = {
  name: 'search-sheets',
  install(services) {
    // In the writing transaction: the index commits or rolls back with the item.
    services.problemDeps.hooks.afterWrite.push(indexAfterWrite);
    services.problemDeps.searchIds = searchIds;
    services.problemDeps.searchDecorate = (item, q) => {
      const h = highlightItem(item, q);
      if (Object.keys(h).length) (item as Record<string, unknown>).highlight = h;
    };
  },
  routes: (services) => async (app) => {
    // Items written before the index existed (an upgrade, the demo seed, a bulk load) are indexed
    // on the first start that finds items but no index: before serving when that takes seconds,
    // in the background for big lists (search fills up meanwhile).
    app.addHook('onReady', async () => {
      const { db } = services;
      if (noStartupIndex.has(services) || !(await fullTextIsEmpty(db))) return;
      const n = Number((await db.selectFrom('problems').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      if (n === 0) return;
      const build = async () => {
        const started = Date.now();
        await reindexAll(db);
        app.log.info({ items: n, ms: Date.now() - started }, 'search index built');
      };
      if (n <= 50_000) return build();
      app.log.warn({ items: n }, 'search index is empty: building it in the background (or run `qingdan search reindex`)');
      void build().catch((err) => app.log.error({ err }, 'building the search index failed'));
    });
    await app.register(duplicateRoutes(services));
    await app.register(sheetRoutes(services));
  },
};
