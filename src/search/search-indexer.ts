/**
 * Folds queued items into the search index off the request path: a write only queues its item
 * (search-queue.ts); the indexer indexes the queue in batches, one transaction per batch, shortly
 * after writes, on an interval (for writes of other processes), at start (for what a crash left)
 * and when closing. Searches call catchUp first, so they always see the writes made before them.
 */
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { indexProblems } from './search.service.js';
import { queueIsEmpty, takeFromQueue } from './search-queue.js';
import { fullTextFor } from './full-text.js';

export interface IndexerOptions {
  /** Delay between the first unindexed write and its batch: writes within it share one commit. */
  debounceMs?: number;
  /** Checks for items queued by other processes (an import from the CLI, another server). */
  intervalMs?: number;
  batch?: number;
  /** SQLite merge work per batch, in steps of MERGE_PAGES leaf pages. */
  mergeSteps?: number;
}

export interface SearchIndexer {
  /** Where failures of background runs go (the items stay queued for the next run). */
  onError: (err: unknown) => void;
  /** A write was queued: index it within debounceMs. */
  schedule(): void;
  /** Indexes everything queued now; concurrent callers share one run. Returns items indexed. */
  flush(): Promise<number>;
  /** Returns once every item queued before the call is indexed (read-your-writes). */
  catchUp(): Promise<void>;
  start(): void;
  /** Stops the timers and indexes what is left, so a command never exits with a queue. */
  stop(): Promise<void>;
}

/**
 * Merge work per step: ~256 KB written, a few milliseconds. Each batch is followed by a few steps,
 * which keeps up with intake while bounding how long one batch holds SQLite's only connection.
 */
const MERGE_PAGES = 64;

export function createSearchIndexer(db: Db, dialect: Dialect, opts: IndexerOptions = {}): SearchIndexer {
  const fullText = fullTextFor(dialect);
  const debounceMs = opts.debounceMs ?? 500;
  const intervalMs = opts.intervalMs ?? 5000;
  const batch = opts.batch ?? 500;
  const mergeSteps = opts.mergeSteps ?? 4;
  let running: Promise<number> | null = null;
  let pending: NodeJS.Timeout | null = null;
  let interval: NodeJS.Timeout | null = null;
  let stopped = false;

  async function foldBatch(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const ids = await takeFromQueue(trx, dialect, batch);
      if (ids.length) await indexProblems(trx, fullText, ids);
      return ids.length;
    });
  }

  async function run(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await foldBatch();
      total += n;
      if (n < batch) break;
    }
    for (let i = 0; i < mergeSteps; i++) if (!(await fullText.mergeStep(db, MERGE_PAGES))) break;
    return total;
  }

  function flush(): Promise<number> {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  const background = () => {
    flush().catch((err) => indexer.onError(err));
  };

  const indexer: SearchIndexer = {
    onError: () => undefined,
    schedule() {
      if (pending || stopped) return;
      pending = setTimeout(() => {
        pending = null;
        background();
      }, debounceMs);
      pending.unref();
    },
    flush,
    async catchUp() {
      // A run already under way may have passed the items this caller wrote: wait, then check
      // (its failure is retried below, where a second one reaches the caller).
      if (running) await running.catch(() => undefined);
      while (!(await queueIsEmpty(db))) {
        // Nothing claimable while the queue is not empty: another process's indexer holds those
        // rows (PostgreSQL) and is about to commit them.
        if ((await flush()) === 0) await new Promise((r) => setTimeout(r, 5));
      }
    },
    start() {
      if (interval || stopped) return;
      interval = setInterval(background, intervalMs);
      interval.unref();
    },
    async stop() {
      stopped = true;
      if (pending) clearTimeout(pending);
      if (interval) clearInterval(interval);
      pending = interval = null;
      if (running) await running.catch(() => undefined);
      await flush();
    },
  };
  return indexer;
}
