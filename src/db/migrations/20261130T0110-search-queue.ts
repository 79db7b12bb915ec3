import type { Kysely } from 'kysely';
import { tuneFullTextMerging } from '../dialect.js';

/**
 * Items whose search document is out of date (src/search/search-indexer.ts). A write stores only
 * its item id here, inside its own transaction; the indexer folds queued items into the index in
 * batches afterwards, so no submission pays for the index (at a million items an FTS5 commit
 * could wait seconds for a segment merge). One row per item however often it changes; no foreign
 * key, so a deleted item is still dequeued and dropped from the index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_queue')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey())
    .execute();
  // Items written before this migration are already indexed; only the merge policy changes.
  await tuneFullTextMerging(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_queue').execute();
}
