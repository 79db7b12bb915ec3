import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FullTextIndex, FullTextQuery } from './full-text.js';
import { selectiveOr } from './pg-selective-terms.js';

/** PostgreSQL: a side table of weighted tsvectors with a GIN index (see full-text.ts). */
export const postgresFullText: FullTextIndex = {
  async write(db, docs) {
    if (!docs.length) return;
    const values = docs.map(
      (d) => sql`(${d.id}, setweight(to_tsvector('simple', ${d.code}), 'A')
      || setweight(to_tsvector('simple', ${d.title}), 'B') || setweight(to_tsvector('simple', ${d.body}), 'C'))`,
    );
    await sql`insert into problem_search (problem_id, document) values ${sql.join(values)}
      on conflict (problem_id) do update set document = excluded.document`.execute(db);
  },

  async delete(db, ids) {
    if (ids.length) await sql`delete from problem_search where problem_id in (${sql.join(ids)})`.execute(db);
  },

  async clear(db) {
    await sql`truncate problem_search`.execute(db);
  },

  async optimize(db) {
    await sql`analyze problem_search`.execute(db);
  },

  // The GIN index maintains itself.
  mergeStep: async () => false,

  async withBulk(db, fn) {
    // Building a GIN index once from all rows is far cheaper than maintaining it row by row.
    await sql`drop index if exists problem_search_document_idx`.execute(db);
    try {
      return await fn();
    } finally {
      await ensureGinIndex(db);
    }
  },

  ensure: (db) => ensureGinIndex(db),

  async isEmpty(db) {
    return (await sql`select problem_id from problem_search limit 1`.execute(db)).rows.length === 0;
  },

  /**
   * Cover density, which rewards adjacent terms. By relevance (duplicate candidates), the rarest
   * terms only, every match ranked, then filtered by `where` (see `ranked`): joined the other way
   * round, the planner, misled by a row estimate, walked every eligible item testing its document.
   */
  async matches(db, q) {
    if (q.order === 'relevance') return ranked(db, q, await selectiveOr(db, q.tsquery));
    const tsquery = q.tsquery;
    const rank = sql<number>`ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', problem_search.document,
      to_tsquery('simple', ${tsquery}))`;
    const hit = sql<SqlBool>`problem_search.document @@ to_tsquery('simple', ${tsquery})`;
    let query = db
      .selectFrom('problem_search')
      .select([sql<number>`problem_search.problem_id`.as('id'), rank.as('score')])
      .where(hit);
    if (q.before !== undefined) query = query.where('problem_search.problem_id', '<', q.before);
    if (q.where) query = query.innerJoin('problems', 'problems.id', 'problem_search.problem_id').where(q.where);
    const rows = await query.orderBy('problem_search.problem_id', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
  },

  matching: (q) =>
    sql<SqlBool>`problems.id in (select problem_id from problem_search
      where document @@ to_tsquery('simple', ${q.tsquery}))`,
};

/**
 * The `limit` best-ranked matches: every match found through the GIN index and scored
 * (problem_search_ranked, migration 20261208T0200), then each looked up by key for `where` (the
 * LIMIT keeps the planner from hashing every eligible item instead).
 */
async function ranked(db: Kysely<any>, q: FullTextQuery, tsquery: string) {
  const before = q.before !== undefined ? sql`where hits.id < ${q.before}` : sql``;
  const eligible = q.where
    ? sql`cross join lateral (${db
        .selectFrom('problems')
        .select(sql`1`.as('ok'))
        .whereRef('problems.id', '=', 'hits.id')
        .where(q.where)
        .limit(1)}) as eligible`
    : sql``;
  const rows = await sql<{ id: number; score: number }>`select hits.id, hits.score
    from problem_search_ranked(to_tsquery('simple', ${tsquery})) as hits ${eligible} ${before}
    order by hits.score desc limit ${q.limit}`.execute(db);
  return rows.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
}

/** The GIN index, if a rebuild that dropped it did not finish (a no-op when it exists). */
async function ensureGinIndex(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    await sql`create index if not exists problem_search_document_idx on problem_search using gin (document)`.execute(
      trx,
    );
  });
}
