/**
 * Rebuilding the whole index (`qingdan search reindex`, the follow-up of `seed --bulk`, the first
 * start of a server that finds items but no index).
 */
import type { Db } from '../db/database.js';
import type { FullTextIndex } from './full-text.js';
import { documentWorkers, inlineDocuments, type DocumentMaker } from './document-workers.js';
import { loadFieldsAfter } from './search-document.js';

export interface ReindexProgress {
  done: number;
  total: number;
}

export interface ReindexOptions {
  batch?: number;
  /** Threads segmenting text; 0 segments in this thread. Default: workers above 20,000 items. */
  workers?: number;
  onProgress?: (p: ReindexProgress) => void;
}

/** Documents per insert statement: 4 values each, well under SQLite's 32,766 and PG's 65,535. */
const PER_STATEMENT = 500;

/**
 * Rebuilds the whole index in batches, each its own transaction, so a rebuild of millions of
 * items never holds the write lock for long; writes made meanwhile are queued and indexed by the
 * indexer as usual. A pipeline: while the workers segment one batch, the main thread reads the
 * next and then writes the segmented one (measured at 100,000 items: segmenting was 85 % of the
 * time in one thread).
 */
export async function reindexAll(db: Db, fullText: FullTextIndex, opts: ReindexOptions = {}): Promise<number> {
  const batch = opts.batch ?? 5000;
  const total = Number(
    (
      await db
        .selectFrom('problems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const workers = opts.workers ?? (total > 20_000 ? undefined : 0);
  const maker: DocumentMaker = workers === 0 ? inlineDocuments : documentWorkers(workers);
  try {
    // Before the bulk settings: SQLite's clear recreates the table, which resets them.
    await db.transaction().execute((trx) => fullText.clear(trx));
    return await fullText.withBulk(db, async () => {
      let done = 0;
      let fields = await loadFieldsAfter(db, 0, batch);
      while (fields.length) {
        const docs = maker.toDocuments(fields);
        const following = loadFieldsAfter(db, fields[fields.length - 1].id, batch);
        const ready = await docs;
        await db.transaction().execute(async (trx) => {
          for (let j = 0; j < ready.length; j += PER_STATEMENT)
            await fullText.write(trx, ready.slice(j, j + PER_STATEMENT));
        });
        done += ready.length;
        opts.onProgress?.({ done, total: Math.max(total, done) });
        fields = await following;
      }
      await fullText.optimize(db);
      return done;
    });
  } finally {
    await maker.close();
  }
}
