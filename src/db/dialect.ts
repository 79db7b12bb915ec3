import {
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL lives here, so feature code and migrations are
 * written once for both.
 */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: Kysely<any>) => dialectOf(db) === 'postgres';

/** An auto-increment integer primary key named `id`. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, any>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Floating point that keeps full double precision in both dialects. */
export const DOUBLE = sql`double precision`;

export const notNullDefault =
  (value: unknown) =>
  (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    c.notNull().defaultTo(value);

/**
 * A column the SQLite planner may filter on but not seek by (a unary plus hides it from index
 * selection). A keyset page then walks its sort index and stops after `limit` rows, instead of
 * collecting every row a filter index finds (a whole category, most of the public items) and
 * sorting them: 250 ms against 1 ms at 100,000 items. PostgreSQL weighs LIMIT in its own plans
 * and keeps the plain column.
 */
export function filterOnlyColumn(dialect: DialectName, column: string): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}

/** Case-insensitive substring match. */
export function ilike(db: Kysely<any>): 'ilike' | 'like' {
  return isPostgres(db) ? 'ilike' : 'like';
}

/** Integer division of a text ISO date difference is not portable; compute days in JS instead. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

/** `substr(col, 1, n)` works in both dialects. */
export function prefixOf(column: string, length: number): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, ${length})`;
}

/** Which integrity rule a driver error broke, in either dialect; null when it is another error. */
export function constraintViolation(err: unknown): 'unique' | 'foreign_key' | 'not_null' | 'check' | null {
  const e = err as { code?: string; message?: string };
  switch (e?.code) {
    case '23505':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'unique';
    case '23503':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'foreign_key';
    case '23502':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return 'not_null';
    case '23514':
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'check';
    default:
      return null;
  }
}

// ---- Full-text search index `problem_search` (src/search) ----------------------------------
// SQLite: a contentless FTS5 table keyed by rowid = problems.id (the text lives in `problems`;
// the index holds only terms, so it costs a fraction of the text). PostgreSQL: a side table of
// weighted tsvectors with a GIN index. Both receive terms already segmented by src/search
// (CJK bigrams), so neither engine's own word splitting matters.

/** The three indexed fields, as space-separated terms (src/search/tokenize.ts toIndexString). */
export interface FullTextDocument {
  id: number;
  code: string;
  title: string;
  body: string;
}

export async function createFullTextIndex(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table problem_search (
      problem_id integer primary key references problems(id) on delete cascade,
      document tsvector not null)`.execute(db);
    await sql`create index problem_search_document_idx on problem_search using gin (document)`.execute(db);
    return;
  }
  // contentless_delete lets a document be replaced without keeping its text (SQLite ≥ 3.43).
  await sql`create virtual table problem_search using fts5(code, title, body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
}

/** Replaces the documents of these items (written in one statement per call). */
export async function writeFullText(db: Kysely<any>, docs: FullTextDocument[]): Promise<void> {
  if (!docs.length) return;
  if (isPostgres(db)) {
    const values = docs.map(
      (d) => sql`(${d.id}, setweight(to_tsvector('simple', ${d.code}), 'A')
      || setweight(to_tsvector('simple', ${d.title}), 'B') || setweight(to_tsvector('simple', ${d.body}), 'C'))`,
    );
    await sql`insert into problem_search (problem_id, document) values ${sql.join(values)}
      on conflict (problem_id) do update set document = excluded.document`.execute(db);
    return;
  }
  // A contentless-delete table replaces a document by rowid (SQLite ≥ 3.43).
  const values = docs.map((d) => sql`(${d.id}, ${d.code}, ${d.title}, ${d.body})`);
  await sql`insert or replace into problem_search (rowid, code, title, body) values ${sql.join(values)}`.execute(db);
}

export async function deleteFullText(db: Kysely<any>, ids: number[]): Promise<void> {
  if (!ids.length) return;
  if (isPostgres(db)) await sql`delete from problem_search where problem_id in (${sql.join(ids)})`.execute(db);
  else await sql`delete from problem_search where rowid in (${sql.join(ids)})`.execute(db);
}

/**
 * Empties the index (before a rebuild). SQLite drops and recreates the FTS5 table instead of
 * FTS5's 'delete-all': on a contentless-delete table, a million documents written after a
 * 'delete-all' slowed from 1.2 to 40 s per 100,000 and the final optimize took 159 s instead of 3 s
 * (measured on a copy of the million-item bench database, same documents, same settings).
 * Recreating also resets the table's settings, so the merge policy is set again.
 */
export async function clearFullText(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`truncate problem_search`.execute(db);
    return;
  }
  await sql`drop table problem_search`.execute(db);
  await createFullTextIndex(db);
  await tuneFullTextMerging(db);
}

/** After a bulk rebuild: merge FTS5 segments / refresh planner statistics. */
export async function optimizeFullText(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`analyze problem_search`.execute(db);
  else await sql`insert into problem_search(problem_search) values ('optimize')`.execute(db);
}

/**
 * How the SQLite index merges its segments, stored in the index itself. FTS5 by default merges
 * on every write (automerge) and, when 16 segments pile up on a level, merges them at once inside
 * whichever transaction wrote last (crisismerge): at a million items that stalled a submission
 * for 3–8 s. Writes now never merge; the indexer does the merging in small bounded steps
 * (mergeFullTextStep) after each batch, and a crisis merge would need 64 unmerged segments.
 */
export async function tuneFullTextMerging(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into problem_search(problem_search, rank) values ('automerge', 0)`.execute(db);
  await sql`insert into problem_search(problem_search, rank) values ('crisismerge', 64)`.execute(db);
}

// FTS5 takes its settings only as integer literals: a bound JS number arrives as a real.

/**
 * One bounded step of segment merging (about `pages` leaf pages of 4 KB written); false when
 * there was nothing left to merge. PostgreSQL's GIN index maintains itself.
 */
export async function mergeFullTextStep(db: Kysely<any>, pages: number): Promise<boolean> {
  if (isPostgres(db)) return false;
  const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0].n);
  const before = await changes();
  await sql`insert into problem_search(problem_search, rank) values ('merge', ${sql.lit(Math.trunc(pages))})`.execute(
    db,
  );
  return (await changes()) !== before;
}

/**
 * Runs a rebuild of the whole index with settings for bulk writing, restored afterwards.
 * PostgreSQL: without the GIN index, built again at the end. SQLite:
 * a 256 MB page cache (FTS5 segment merges re-read pages; with the default 2 MB a million-item
 * rebuild slowed down batch after batch) and a 64 MB buffer of pending terms, so a million items
 * make a few dozen segments instead of hundreds and the final optimize merges them in one pass.
 */
export async function withBulkFullText<T>(db: Kysely<any>, fn: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) {
    // Building a GIN index once from all rows is far cheaper than maintaining it row by row.
    await sql`drop index if exists problem_search_document_idx`.execute(db);
    try {
      return await fn();
    } finally {
      await ensureFullTextIndex(db);
    }
  }
  const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000;
  await sql`pragma cache_size = -262144`.execute(db);
  await sql`insert into problem_search(problem_search, rank) values ('hashsize', ${sql.lit(64 * 1024 * 1024)})`.execute(
    db,
  );
  // Lazy automatic merging during the rebuild, as measured before the indexer took merging over.
  await sql`insert into problem_search(problem_search, rank) values ('automerge', 16)`.execute(db);
  await sql`insert into problem_search(problem_search, rank) values ('crisismerge', 16)`.execute(db);
  try {
    return await fn();
  } finally {
    await sql`insert into problem_search(problem_search, rank) values ('hashsize', ${sql.lit(1024 * 1024)})`.execute(
      db,
    );
    await tuneFullTextMerging(db);
    await sql.raw(`pragma cache_size = ${Number(before)}`).execute(db);
  }
}

/**
 * PostgreSQL: the GIN index, if a rebuild that dropped it did not finish (run at start; a no-op
 * when it exists). SQLite's index is the table itself.
 */
export async function ensureFullTextIndex(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.transaction().execute(async (trx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    await sql`create index if not exists problem_search_document_idx on problem_search using gin (document)`.execute(
      trx,
    );
  });
}

/**
 * Claims up to `limit` items of the search queue, oldest id first, deleting them in the caller's
 * transaction (they come back if it rolls back). PostgreSQL skips rows another process's indexer
 * holds, so several servers on one database never index the same batch twice or wait on each other.
 */
export async function takeSearchQueue(db: Kysely<any>, limit: number): Promise<number[]> {
  const lock = isPostgres(db) ? sql` for update skip locked` : sql``;
  const r = await sql<{ problem_id: number }>`delete from search_queue where problem_id in
    (select problem_id from search_queue order by problem_id limit ${limit}${lock}) returning problem_id`.execute(db);
  return r.rows.map((x) => Number(x.problem_id));
}

export async function fullTextIsEmpty(db: Kysely<any>): Promise<boolean> {
  const r = isPostgres(db)
    ? await sql`select problem_id from problem_search limit 1`.execute(db)
    : await sql`select rowid from problem_search limit 1`.execute(db);
  return r.rows.length === 0;
}

export interface FullTextQuery {
  /** FTS5 MATCH expression. */
  fts: string;
  /** PostgreSQL to_tsquery('simple', …) text. */
  tsquery: string;
  /** At most this many matches, newest first: bounds the cost of a broad query on a huge list. */
  limit: number;
  /** Restricts matches by columns of `problems`, joined only when given. */
  where?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
}

/**
 * Matching item ids with a relevance score (higher is better): BM25 over code, title and body
 * in SQLite, cover density (which rewards adjacent terms) in PostgreSQL. Walking the index
 * newest-first lets the engine stop after `limit` hits instead of scoring every match.
 */
export async function fullTextMatches(
  db: Kysely<any>,
  q: FullTextQuery,
): Promise<Array<{ id: number; score: number }>> {
  if (isPostgres(db)) {
    let query = db
      .selectFrom('problem_search')
      .select([
        sql<number>`problem_search.problem_id`.as('id'),
        sql<number>`ts_rank_cd('{0.1, 0.2, 0.5, 1.0}', problem_search.document, to_tsquery('simple', ${q.tsquery}))`.as(
          'score',
        ),
      ])
      .where(sql<SqlBool>`problem_search.document @@ to_tsquery('simple', ${q.tsquery})`);
    if (q.where) query = query.innerJoin('problems', 'problems.id', 'problem_search.problem_id').where(q.where);
    const rows = await query.orderBy('problem_search.problem_id', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
  }
  let query = db
    .selectFrom('problem_search')
    .select([
      sql<number>`problem_search.rowid`.as('id'),
      sql<number>`-bm25(problem_search, 10.0, 4.0, 1.0)`.as('score'),
    ])
    .where(sql<SqlBool>`problem_search match ${q.fts}`);
  if (q.where)
    query = query.innerJoin('problems', (j) => j.on(sql<SqlBool>`problems.id = problem_search.rowid`)).where(q.where);
  const rows = await query.orderBy(sql`problem_search.rowid`, 'desc').limit(q.limit).execute();
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
}
