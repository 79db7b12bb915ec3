import { defineFeature } from '../feature.js';
import type { Kernel } from '../kernel.js';
import {
  SEARCH_CANDIDATES,
  searchIds,
  searchMatch,
  indexAfterWrite,
  queueBatch,
  reindexAll,
} from './search.service.js';
import { createSearchIndexer, type SearchIndexer } from './search-indexer.js';
import { highlightItem } from './search-highlight.js';
import { fullTextFor, type FullTextIndex } from './full-text.js';
import { registerSearchCommands } from './search-commands.js';

export interface SearchState {
  fullText: FullTextIndex;
  /** Folds the search queue into the index off the request path (tests and commands flush it). */
  indexer: SearchIndexer;
}

/** Items are indexed at once below this size when a server starts on a list without an index. */
const BUILD_BEFORE_SERVING = 50_000;

/**
 * Chinese full-text search of the list (the list's `q`): every write queues its item in its own
 * transaction, the indexer folds the queue into FTS5 / tsvector in batches, and a search first
 * catches the queue up, so it sees every write made before it.
 */
export const searchFeature = defineFeature<SearchState>({
  name: 'search',
  install: (k) => ({ fullText: fullTextFor(k.dialect), indexer: createSearchIndexer(k.db, k.dialect) }),
  hooks: ({ fullText, indexer }) => ({
    // In the writing transaction only the queue row; the indexer writes the index after commit.
    afterWrite: {
      'search.queue': async (trx, write) => {
        if (await indexAfterWrite(trx, write)) indexer.schedule();
      },
    },
    afterBatch: {
      'search.queue': async (trx, batch) => {
        if (await queueBatch(trx, batch)) indexer.schedule();
      },
    },
    search: {
      // Read-your-writes: whatever was written before a query is indexed before it runs.
      async window(db, q, opts) {
        await indexer.catchUp();
        const ids = await searchIds(db, fullText, q, opts, SEARCH_CANDIDATES);
        return { ids, more: ids.length === SEARCH_CANDIDATES };
      },
      async match(_db, q) {
        await indexer.catchUp();
        return searchMatch(fullText, q);
      },
      decorate(item, q) {
        const h = highlightItem(item, q);
        if (Object.keys(h).length) (item as Record<string, unknown>).highlight = h;
      },
    },
  }),
  start: (state, k) => startIndexing(state, k),
  cli: registerSearchCommands,
  close: ({ indexer }) => indexer.stop(),
});

/**
 * Items written before the index existed (an upgrade, the demo seed, a bulk load) are indexed on
 * the first start that finds items but no index: before serving when that takes seconds, in the
 * background for big lists (search fills up meanwhile). Items a crash left queued are indexed first.
 */
async function startIndexing({ fullText, indexer }: SearchState, k: Kernel): Promise<void> {
  const log = k.log;
  indexer.onError = (err) => log.error({ err }, 'search indexing failed; the items stay queued');
  await fullText.ensure(k.db);
  indexer.start();
  if (!(await fullText.isEmpty(k.db))) {
    await indexer.flush();
    return;
  }
  const n = Number(
    (
      await k.db
        .selectFrom('problems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (n === 0) return;
  const build = async () => {
    const started = Date.now();
    await reindexAll(k.db, fullText);
    await indexer.flush();
    log.info({ items: n, ms: Date.now() - started }, 'search index built');
  };
  if (n <= BUILD_BEFORE_SERVING) return build();
  log.warn({ items: n }, 'search index is empty: building it in the background (or run `qingdan search reindex`)');
  void build().catch((err) => log.error({ err }, 'building the search index failed'));
}
