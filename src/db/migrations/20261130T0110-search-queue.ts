import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

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
  // Items written before this migration are already indexed; only the merge policy changes
  // (SQLite's FTS5: no merging on writes, the indexer merges in steps; see full-text-sqlite.ts).
  if (!isPostgres(db)) {
    await sql`insert into problem_search(problem_search, rank) values ('automerge', 0)`.execute(db);
    await sql`insert into problem_search(problem_search, rank) values ('crisismerge', 64)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_queue').execute();
}
