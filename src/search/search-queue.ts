/**
 * The search queue (migration 20261130T0110-search-queue): ids of items whose search document is
 * out of date. Writers add to it inside their own transaction, so an acknowledged write is never
 * lost to the index even if the process dies before the indexer runs; the indexer takes from it
 * (takeFromQueue).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';

/** Queues these items for indexing; an item already waiting stays queued once. */
export async function enqueueForIndex(db: Db, ids: number[]): Promise<void> {
  // Two values per row would be cheap; 1,000 rows per statement stays far below parameter limits.
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = [...new Set(ids.slice(i, i + 1000))].map((problem_id) => ({ problem_id }));
    await db
      .insertInto('search_queue')
      .values(rows)
      .onConflict((oc) => oc.column('problem_id').doNothing())
      .execute();
  }
}

export async function queueIsEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('search_queue').select('problem_id').limit(1).executeTakeFirst());
}

export async function queueLength(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('search_queue')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * Claims up to `limit` queued items, oldest id first, deleting them in the caller's transaction
 * (they come back if it rolls back). Rows another process's indexer holds are skipped where the
 * dialect can (PostgreSQL), so several servers on one database never index the same batch twice
 * or wait on each other.
 */
export async function takeFromQueue(db: Db, dialect: Dialect, limit: number): Promise<number[]> {
  const r = await sql<{ problem_id: number }>`delete from search_queue where problem_id in
    (select problem_id from search_queue order by problem_id limit ${limit}${dialect.claimRows})
    returning problem_id`.execute(db);
  return r.rows.map((x) => Number(x.problem_id));
}
