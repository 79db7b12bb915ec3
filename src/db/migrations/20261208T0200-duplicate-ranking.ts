import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL: every match of a duplicate check's OR of rare character pairs with its cover-density
 * rank (src/search/full-text-postgres.ts). The function plans its query with sequential scans off:
 * the planner costs a bitmap scan of the GIN index about the same as reading every document (it
 * takes all pages for disk reads) and often read all 10,000 documents to find 256 (35 ms against
 * 2 ms through the index). SQLite ranks with FTS5 and needs nothing. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create function problem_search_ranked(q tsquery)
    returns table (id integer, score real) language sql stable
    set enable_seqscan = off
    as $$ select problem_id, ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', document, q) from problem_search
      where document @@ q $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`drop function problem_search_ranked(tsquery)`.execute(db);
}
