import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FullTextIndex } from './full-text.js';

// FTS5 takes its settings only as integer literals: a bound JS number arrives as a real.
const setting = (db: Kysely<any>, name: string, value: number) =>
  sql`insert into problem_search(problem_search, rank) values (${name}, ${sql.lit(Math.trunc(value))})`.execute(db);

/** SQLite: a contentless FTS5 table keyed by rowid = problems.id (see full-text.ts). */
export const sqliteFullText: FullTextIndex = {
  async write(db, docs) {
    if (!docs.length) return;
    // A contentless-delete table replaces a document by rowid (SQLite ≥ 3.43).
    const values = docs.map((d) => sql`(${d.id}, ${d.code}, ${d.title}, ${d.body})`);
    await sql`insert or replace into problem_search (rowid, code, title, body) values ${sql.join(values)}`.execute(db);
  },

  async delete(db, ids) {
    if (ids.length) await sql`delete from problem_search where rowid in (${sql.join(ids)})`.execute(db);
  },

  /**
   * Drops and recreates the FTS5 table instead of FTS5's 'delete-all': on a contentless-delete
   * table, a million documents written after a 'delete-all' slowed from 1.2 to 40 s per 100,000
   * and the final optimize took 159 s instead of 3 s (measured on a copy of the million-item bench
   * database, same documents, same settings). Recreating also resets the table's settings, so the
   * merge policy is set again.
   */
  async clear(db) {
    await sql`drop table problem_search`.execute(db);
    // contentless_delete lets a document be replaced without keeping its text (SQLite ≥ 3.43).
    await sql`create virtual table problem_search using fts5(code, title, body,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await tuneMerging(db);
  },

  async optimize(db) {
    await sql`insert into problem_search(problem_search) values ('optimize')`.execute(db);
  },

  /** About `pages` leaf pages of 4 KB written per step. */
  async mergeStep(db, pages) {
    const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0].n);
    const before = await changes();
    await setting(db, 'merge', pages);
    return (await changes()) !== before;
  },

  /**
   * A 256 MB page cache (FTS5 segment merges re-read pages; with the default 2 MB a million-item
   * rebuild slowed down batch after batch) and a 64 MB buffer of pending terms, so a million items
   * make a few dozen segments instead of hundreds and the final optimize merges them in one pass.
   */
  async withBulk(db, fn) {
    const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000;
    await sql`pragma cache_size = -262144`.execute(db);
    await setting(db, 'hashsize', 64 * 1024 * 1024);
    // Lazy automatic merging during the rebuild, as measured before the indexer took merging over.
    await setting(db, 'automerge', 16);
    await setting(db, 'crisismerge', 16);
    try {
      return await fn();
    } finally {
      await setting(db, 'hashsize', 1024 * 1024);
      await tuneMerging(db);
      await sql.raw(`pragma cache_size = ${Number(before)}`).execute(db);
    }
  },

  // The index is the table itself.
  ensure: async () => undefined,

  async isEmpty(db) {
    return (await sql`select rowid from problem_search limit 1`.execute(db)).rows.length === 0;
  },

  /** BM25 over code, title and body. */
  async matches(db, q) {
    let query = db
      .selectFrom('problem_search')
      .select([
        sql<number>`problem_search.rowid`.as('id'),
        sql<number>`-bm25(problem_search, 10.0, 4.0, 1.0)`.as('score'),
      ])
      .where(sql<SqlBool>`problem_search match ${q.fts}`);
    if (q.before !== undefined) query = query.where(sql<SqlBool>`problem_search.rowid < ${q.before}`);
    if (q.where) {
      query = query.innerJoin('problems', (j) => j.on(sql<SqlBool>`problems.id = problem_search.rowid`)).where(q.where);
    }
    query =
      q.order === 'relevance'
        ? query.orderBy(sql`bm25(problem_search, 10.0, 4.0, 1.0)`)
        : query.orderBy(sql`problem_search.rowid`, 'desc');
    const rows = await query.limit(q.limit).execute();
    return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
  },

  // SQLite walks the subquery's rowids and looks each item up by key.
  matching: (q) => sql<SqlBool>`problems.id in (select rowid from problem_search where problem_search match ${q.fts})`,
};

/**
 * How the index merges its segments, stored in the index itself. FTS5 by default merges on every
 * write (automerge) and, when 16 segments pile up on a level, merges them at once inside whichever
 * transaction wrote last (crisismerge): at a million items that stalled a submission for 3–8 s.
 * Writes now never merge; the indexer does the merging in small bounded steps (mergeStep) after
 * each batch, and a crisis merge would need 64 unmerged segments.
 */
async function tuneMerging(db: Kysely<any>): Promise<void> {
  await setting(db, 'automerge', 0);
  await setting(db, 'crisismerge', 64);
}
