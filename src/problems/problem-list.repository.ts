import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { dialectOf, filterOnlyColumn, type DialectName } from '../db/dialect.js';
import { PUBLIC_STATES, type State } from '../lifecycle/lifecycle.js';
import { AppError } from '../errors.js';
import type { ProblemRow } from './problem.repository.js';

/** What the caller may see, decided by the service from the actor. */
export type Visibility = { kind: 'all' } | { kind: 'public' } | { kind: 'scope'; departmentIds: number[] };

export interface ListFilter {
  statuses?: State[];
  categoryIds?: number[];
  departmentIds?: number[];
  areaIds?: number[];
  sourceId?: number;
  tagId?: number;
  ownerLeaderId?: number;
  urgency?: string;
  from?: string;
  to?: string;
  overdueBefore?: string;
  /** Supervision warning level (blue, yellow, red) as stored by the supervision feature. */
  warningLevel?: string;
  /** Ids already matched by full-text search (null: no text query). */
  matchedIds?: number[] | null;
  textLike?: string;
}

export type SortKey = 'created_desc' | 'created_asc' | 'updated_desc' | 'deadline_asc';
const SORTS: Record<SortKey, { column: 'created_at' | 'updated_at' | 'deadline'; dir: 'asc' | 'desc' }> = {
  created_desc: { column: 'created_at', dir: 'desc' },
  created_asc: { column: 'created_at', dir: 'asc' },
  updated_desc: { column: 'updated_at', dir: 'desc' },
  deadline_asc: { column: 'deadline', dir: 'asc' },
};
// Items without a deadline sort after every dated one.
const NO_DEADLINE = '9999-12-31';

type EB = ExpressionBuilder<Database, 'problems'>;

export const OVERDUE_STATES: State[] = ['assigned', 'in_progress'];

/** How filter columns are referenced: plainly, or (for keyset pages) so SQLite walks the sort index. */
type Col = (column: `problems.${string}`) => any;
const plain: Col = (c) => c;

function visibilityExpr(eb: EB, v: Visibility, col: Col = plain): Expression<SqlBool> {
  const publicExpr = eb.and([eb(col('problems.is_public'), '=', 1), eb(col('problems.status'), 'in', PUBLIC_STATES)]);
  if (v.kind === 'public') return publicExpr;
  if (v.kind === 'all') return eb.lit(true) as unknown as Expression<SqlBool>;
  const ids = v.departmentIds.length ? v.departmentIds : [-1];
  return eb.or([
    publicExpr,
    eb(col('problems.lead_department_id'), 'in', ids),
    eb.exists(eb.selectFrom('problem_departments as pd').select('pd.problem_id')
      .whereRef('pd.problem_id', '=', 'problems.id').where('pd.department_id', 'in', ids)),
  ]);
}

/**
 * Which index SQLite may use for a keyset page: none of the filter columns (walk the sort index)
 * or just one (seek by the filter that matches least). See shouldWalkSortIndex.
 */
export interface IndexPlan {
  dialect: DialectName;
  seekBy: string | null;
}

export function filterExpr(eb: EB, f: ListFilter, v: Visibility, plan?: IndexPlan): Expression<SqlBool> {
  const col: Col = plan ? (c) => (c === plan.seekBy ? c : filterOnlyColumn(plan.dialect, c)) : plain;
  const parts: Expression<SqlBool>[] = [visibilityExpr(eb, v, col)];
  if (f.statuses?.length) parts.push(eb(col('problems.status'), 'in', f.statuses));
  if (f.categoryIds?.length) parts.push(eb(col('problems.category_id'), 'in', f.categoryIds));
  if (f.areaIds?.length) parts.push(eb(col('problems.area_id'), 'in', f.areaIds));
  if (f.departmentIds?.length) {
    const ids = f.departmentIds;
    parts.push(eb.or([
      eb(col('problems.lead_department_id'), 'in', ids),
      eb.exists(eb.selectFrom('problem_departments as pd2').select('pd2.problem_id')
        .whereRef('pd2.problem_id', '=', 'problems.id').where('pd2.department_id', 'in', ids)),
    ]));
  }
  if (f.sourceId) parts.push(eb(col('problems.source_id'), '=', f.sourceId));
  if (f.ownerLeaderId) parts.push(eb(col('problems.owner_leader_id'), '=', f.ownerLeaderId));
  if (f.tagId) {
    parts.push(eb.exists(eb.selectFrom('problem_tags as pt').select('pt.problem_id')
      .whereRef('pt.problem_id', '=', 'problems.id').where('pt.tag_id', '=', f.tagId!)));
  }
  if (f.urgency) parts.push(eb(col('problems.urgency'), '=', f.urgency));
  // created_at is a UTC instant; from/to are whole days, compared by prefix.
  if (f.from) parts.push(eb('problems.created_at', '>=', f.from));
  if (f.to) parts.push(eb('problems.created_at', '<', `${f.to}T99`));
  if (f.overdueBefore) {
    parts.push(eb(col('problems.status'), 'in', OVERDUE_STATES));
    parts.push(eb('problems.deadline', '<', f.overdueBefore));
  }
  if (f.warningLevel) {
    parts.push(eb.exists(eb.selectFrom('item_supervision as ws').select('ws.problem_id')
      .whereRef('ws.problem_id', '=', 'problems.id').where('ws.warning_level', '=', f.warningLevel)));
  }
  if (f.matchedIds) parts.push(eb('problems.id', 'in', f.matchedIds.length ? f.matchedIds : [-1]));
  if (f.textLike) {
    const like = `%${f.textLike.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(eb.or([
      sql<SqlBool>`problems.title like ${like} escape '\\'`,
      sql<SqlBool>`problems.description like ${like} escape '\\'`,
      eb('problems.code', '=', f.textLike),
    ]));
  }
  return eb.and(parts);
}

function encodeCursor(value: string, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1]];
  } catch { /* fall through */ }
  throw new AppError('validation_failed', 'the cursor is not valid', { field: 'cursor' });
}

// Rows in the sample that estimates how often each filter matches.
const SAMPLE = 1000;

// Filters SQLite can seek by, each with the one column its index starts with.
const SEEKABLE: Array<[key: keyof ListFilter, column: string]> = [
  ['categoryIds', 'problems.category_id'], ['areaIds', 'problems.area_id'], ['statuses', 'problems.status'],
  ['sourceId', 'problems.source_id'], ['departmentIds', 'problems.lead_department_id'], ['ownerLeaderId', 'problems.owner_leader_id'],
];
const present = (x: unknown) => x !== undefined && x !== null && !(Array.isArray(x) && !x.length);

/**
 * SQLite picks a filter's index and sorts everything it finds, even when the filter matches most
 * of the table (250 ms for a public page at 100,000 items), and among several filters it often
 * seeks by the least selective one. A sample of SAMPLE items spread evenly over the id range (a
 * bounded cost at any size) estimates how often the whole filter and each seekable part match;
 * that gives the rows each plan reads — walking the sort index until a page of matches, or seeking
 * by the rarest part (and only by it) and sorting what it finds — and the cheaper one is used.
 */
async function indexPlan(db: Db, f: ListFilter, v: Visibility, sortColumn: string): Promise<IndexPlan | undefined> {
  const dialect = dialectOf(db);
  if (dialect !== 'sqlite') return undefined;
  if (f.matchedIds) return undefined; // a search result: its ids are the selective part
  const seekable = SEEKABLE.filter(([key]) => present(f[key]));
  // Two queries: SQLite answers min() or max() of the rowid from the b-tree's ends, but both in one
  // query with a full scan.
  const lo = Number((await db.selectFrom('problems').select((eb) => eb.fn.min('id').as('x')).executeTakeFirst())?.x ?? 0);
  const hi = Number((await db.selectFrom('problems').select((eb) => eb.fn.max('id').as('x')).executeTakeFirst())?.x ?? 0);
  if (hi - lo < SAMPLE * 4) return { dialect, seekBy: null }; // small: anything is fast, walking never misleads
  const step = Math.floor((hi - lo) / SAMPLE);
  const dated = Boolean(f.from || f.to);
  const inDates: ListFilter = { from: f.from, to: f.to };
  const hits = (e: Expression<SqlBool>) => sql<number>`sum(case when ${e} then 1 else 0 end)`;
  const sample = sql<SqlBool>`problems.id in (with recursive s(x) as (select ${lo} union all select x + ${step} from s where x + ${step} <= ${hi}) select x from s)`;
  const r = await db.selectFrom('problems').where(sample)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      hits(filterExpr(eb, f, v)).as('all'),
      hits(filterExpr(eb, dated ? inDates : {}, { kind: 'all' })).as('dates'),
      ...seekable.map(([key], i) => hits(filterExpr(eb, { [key]: f[key] }, v)).as(`f${i}`)),
    ])
    .executeTakeFirstOrThrow() as Record<string, unknown>;
  const n = (k: string) => Number(r[k] ?? 0);
  const total = Math.max(n('total'), 1);
  // Rows a walk reads for a page: a created_at walk stays inside the date range, any other walk
  // passes every row; matches come at the sampled rate.
  const walked = dated && sortColumn === 'created_at' ? n('dates') : total;
  const walkRows = (21 * walked) / Math.max(n('all'), 0.5);
  if (!seekable.length) return { dialect, seekBy: null };
  const best = seekable.map(([, column], i) => ({ column, hits: n(`f${i}`) })).sort((a, b) => a.hits - b.hits)[0];
  const seekRows = ((hi - lo) * Math.max(best.hits, 0.5)) / total;
  return { dialect, seekBy: seekRows < walkRows ? best.column : null };
}

/** Keyset paging on (sort column, id): stable under inserts, constant cost for any page. */
export async function listProblems(db: Db, f: ListFilter, v: Visibility, sort: SortKey, limit: number, cursor?: string) {
  const s = SORTS[sort];
  // The literal (not a parameter) matches the expression index problems_deadline_sort_idx.
  const col = s.column === 'deadline' ? sql<string>`coalesce(problems.deadline, ${sql.lit(NO_DEADLINE)})` : sql<string>`problems.${sql.ref(s.column)}`;
  let after: RawBuilder<SqlBool> | undefined;
  if (cursor) {
    const [value, id] = decodeCursor(cursor);
    const op = s.dir === 'desc' ? sql.raw('<') : sql.raw('>');
    // A row-value comparison lets both databases seek straight to the cursor in the sort index.
    after = sql<SqlBool>`(${col}, problems.id) ${op} (${value}, ${id})`;
  }
  const plan = await indexPlan(db, f, v, s.column);
  let q = db.selectFrom('problems').selectAll('problems').where((eb) => filterExpr(eb, f, v, plan));
  if (after) q = q.where(after);
  const rows: ProblemRow[] = await q.orderBy(col, s.dir).orderBy('problems.id', s.dir).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastValue = last ? (s.column === 'deadline' ? (last.deadline ?? NO_DEADLINE) : last[s.column]) : null;
  return { rows: page, nextCursor: rows.length > limit && last && lastValue ? encodeCursor(lastValue, last.id) : null };
}

export async function countProblems(db: Db, f: ListFilter, v: Visibility): Promise<number> {
  const r = await db.selectFrom('problems').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => filterExpr(eb, f, v)).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Paging through search results in relevance order (filter.matchedIds, best first). The filter
 * is applied in SQL as for any list, a window of ids at a time: with a short id list SQLite looks
 * the ids up by key, where a long one (1,000) made it scan a whole status index instead. The
 * cursor is the position in the ranked list, which is recomputed per request (search returns a
 * bounded number of candidates).
 */
const RANK_WINDOW = 100;

export async function listRanked(db: Db, f: ListFilter, v: Visibility, limit: number, cursor?: string) {
  const ranked = f.matchedIds ?? [];
  const start = cursor ? Number(decodeCursor(cursor)[0]) : 0;
  if (!Number.isInteger(start) || start < 0) throw new AppError('validation_failed', 'the cursor is not valid', { field: 'cursor' });
  const page: number[] = [];
  const positions: number[] = [];
  for (let pos = start; pos < ranked.length && page.length <= limit; pos += RANK_WINDOW) {
    const window = ranked.slice(pos, pos + RANK_WINDOW);
    const passing = new Set((await db.selectFrom('problems').select('problems.id')
      .where((eb) => filterExpr(eb, { ...f, matchedIds: window }, v)).execute()).map((r) => r.id));
    for (let i = 0; i < window.length && page.length <= limit; i++) {
      if (passing.has(window[i])) { page.push(window[i]); positions.push(pos + i); }
    }
  }
  const ids = page.slice(0, limit);
  const byId = new Map((ids.length ? await db.selectFrom('problems').selectAll().where('id', 'in', ids).execute() : []).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is ProblemRow => Boolean(r));
  // The next page starts at the first item not shown.
  const more = page.length > limit;
  return { rows, nextCursor: more ? encodeCursor(String(positions[limit]), ids[ids.length - 1]) : null };
}
