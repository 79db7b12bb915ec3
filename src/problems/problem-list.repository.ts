import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Dialect } from '../db/dialect.js';
import { PUBLIC_STATES, type State } from '../lifecycle/lifecycle.js';
import { AppError, say } from '../errors.js';
import type { ProblemRow } from './problem.repository.js';
import { indexPlan } from './list-index-plan.js';

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
  /** Every full-text match of the list's `q`, as a condition on problems.id (search feature). */
  textMatch?: () => RawBuilder<SqlBool>;
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
    eb.exists(
      eb
        .selectFrom('problem_departments as pd')
        .select('pd.problem_id')
        .whereRef('pd.problem_id', '=', 'problems.id')
        .where('pd.department_id', 'in', ids),
    ),
  ]);
}

/**
 * How a keyset page is read (list-index-plan.ts): the columns SQLite may seek by (none: walk the
 * sort index; others are hidden from its index choice), and whether the rows come in the sort
 * order or are sorted after the seek.
 */
export interface IndexPlan {
  dialect: Dialect;
  seekBy: string[];
  ordered: boolean;
}

export function filterExpr(eb: EB, f: ListFilter, v: Visibility, plan?: IndexPlan): Expression<SqlBool> {
  const col: Col = plan ? (c) => (plan.seekBy.includes(c) ? c : plan.dialect.filterOnlyColumn(c)) : plain;
  const parts: Expression<SqlBool>[] = [visibilityExpr(eb, v, col)];
  if (f.statuses?.length) parts.push(eb(col('problems.status'), 'in', f.statuses));
  if (f.categoryIds?.length) parts.push(eb(col('problems.category_id'), 'in', f.categoryIds));
  if (f.areaIds?.length) parts.push(eb(col('problems.area_id'), 'in', f.areaIds));
  if (f.departmentIds?.length) {
    const ids = f.departmentIds;
    parts.push(
      eb.or([
        eb(col('problems.lead_department_id'), 'in', ids),
        // `id in (…)` rather than a correlated EXISTS: both sides of the OR can then use an index.
        eb(
          'problems.id',
          'in',
          eb.selectFrom('problem_departments as pd2').select('pd2.problem_id').where('pd2.department_id', 'in', ids),
        ),
      ]),
    );
  }
  if (f.sourceId) parts.push(eb(col('problems.source_id'), '=', f.sourceId));
  if (f.ownerLeaderId) parts.push(eb(col('problems.owner_leader_id'), '=', f.ownerLeaderId));
  if (f.tagId) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('problem_tags as pt')
          .select('pt.problem_id')
          .whereRef('pt.problem_id', '=', 'problems.id')
          .where('pt.tag_id', '=', f.tagId!),
      ),
    );
  }
  if (f.urgency) parts.push(eb(col('problems.urgency'), '=', f.urgency));
  // created_at is a UTC instant; from/to are whole days, compared by prefix.
  if (f.from) parts.push(eb(col('problems.created_at'), '>=', f.from));
  if (f.to) parts.push(eb(col('problems.created_at'), '<', `${f.to}T99`));
  if (f.overdueBefore) {
    parts.push(eb(col('problems.status'), 'in', OVERDUE_STATES));
    parts.push(eb('problems.deadline', '<', f.overdueBefore));
  }
  if (f.warningLevel) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('item_supervision as ws')
          .select('ws.problem_id')
          .whereRef('ws.problem_id', '=', 'problems.id')
          .where('ws.warning_level', '=', f.warningLevel),
      ),
    );
  }
  if (f.matchedIds) parts.push(eb('problems.id', 'in', f.matchedIds.length ? f.matchedIds : [-1]));
  if (f.textMatch) parts.push(f.textMatch());
  if (f.textLike) {
    const like = `%${f.textLike.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      eb.or([
        sql<SqlBool>`problems.title like ${like} escape '\\'`,
        sql<SqlBool>`problems.description like ${like} escape '\\'`,
        eb('problems.code', '=', f.textLike.toUpperCase()),
      ]),
    );
  }
  return eb.and(parts);
}

export function encodeCursor(value: string, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new AppError('validation_failed', say('翻页游标无效', 'the cursor is not valid'), { field: 'cursor' });
}

/** Keyset paging on (sort column, id): stable under inserts, constant cost for any page. */
export async function listProblems(
  db: Db,
  dialect: Dialect,
  f: ListFilter,
  v: Visibility,
  sort: SortKey,
  limit: number,
  cursor?: string,
) {
  const s = SORTS[sort];
  // The literal (not a parameter) matches the expression index problems_deadline_sort_idx.
  const key =
    s.column === 'deadline'
      ? sql<string>`coalesce(problems.deadline, ${sql.lit(NO_DEADLINE)})`
      : sql<string>`problems.${sql.ref(s.column)}`;
  const position = cursor ? decodeCursor(cursor) : undefined;
  // A row-value comparison lets both databases seek straight to the cursor in a column's sort
  // index; SQLite seeks an expression index (the deadline's) only by a plain comparison, hence both.
  const [op, opEq] = s.dir === 'desc' ? [sql.raw('<'), sql.raw('<=')] : [sql.raw('>'), sql.raw('>=')];
  const afterBy = (k: RawBuilder<string>) =>
    position &&
    sql<SqlBool>`(${k} ${opEq} ${position[0]} and (${k}, problems.id) ${op} (${position[0]}, ${position[1]}))`;
  // Concatenating '' keeps the order but matches no index, so neither database walks the sort
  // index when the plan is to sort what a seek found (a date range sorted by update, say).
  const unindexed = sql<string>`(${key} || '')`;
  const plan = await indexPlan(db, dialect, f, v, s, limit, afterBy(unindexed));
  const col = plan?.ordered === false ? unindexed : key;
  const after = afterBy(col);
  let q = db
    .selectFrom('problems')
    .selectAll('problems')
    .where((eb) => filterExpr(eb, f, v, plan));
  if (after) q = q.where(after);
  const rows: ProblemRow[] = await q
    .orderBy(col, s.dir)
    .orderBy('problems.id', s.dir)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastValue = last ? (s.column === 'deadline' ? (last.deadline ?? NO_DEADLINE) : last[s.column]) : null;
  return { rows: page, nextCursor: rows.length > limit && last && lastValue ? encodeCursor(lastValue, last.id) : null };
}

export async function countProblems(db: Db, f: ListFilter, v: Visibility): Promise<number> {
  const r = await db
    .selectFrom('problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => filterExpr(eb, f, v))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A list's total is counted exactly up to this many items, then reported as "more than". */
export const TOTAL_BOUND = 10_000;

export interface ListTotal {
  /** Items matching, or TOTAL_BOUND when there are more. */
  total: number;
  /** False when more than `total` items match (counting stopped at the bound). */
  totalExact: boolean;
}

/**
 * The list's total, counting at most bound + 1 rows: a broad filter on a million items costs a
 * walk of 10,001 index entries, not a full count.
 */
export async function countBounded(db: Db, f: ListFilter, v: Visibility, bound = TOTAL_BOUND): Promise<ListTotal> {
  const n = await countUpTo(
    db,
    db
      .selectFrom('problems')
      .select('problems.id')
      .where((eb) => filterExpr(eb, f, v)),
    bound,
  );
  return { total: Math.min(n, bound), totalExact: n <= bound };
}

/** Rows of `query`, counted up to bound + 1 (a LIMIT-bounded subquery: cheap on any list size). */
export async function countUpTo(db: Db, query: SelectQueryBuilder<any, any, any>, bound: number): Promise<number> {
  const r = await db
    .selectFrom(query.limit(bound + 1).as('bounded'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * One page of a window of search results in relevance order (filter.matchedIds, best first),
 * from position `start`. The filter is applied in SQL as for any list, a slice of ids at a time:
 * with a short id list SQLite looks the ids up by key, where a long one (1,000) made it scan a
 * whole status index instead. `nextPos` is the position of the first item not shown (null: the
 * window is used up).
 */
const RANK_WINDOW = 100;

export async function listRanked(db: Db, f: ListFilter, v: Visibility, limit: number, start: number) {
  const ranked = f.matchedIds ?? [];
  const page: number[] = [];
  const positions: number[] = [];
  for (let pos = start; pos < ranked.length && page.length <= limit; pos += RANK_WINDOW) {
    const window = ranked.slice(pos, pos + RANK_WINDOW);
    const passing = new Set(
      (
        await db
          .selectFrom('problems')
          .select('problems.id')
          .where((eb) => filterExpr(eb, { ...f, matchedIds: window }, v))
          .execute()
      ).map((r) => r.id),
    );
    for (let i = 0; i < window.length && page.length <= limit; i++) {
      if (passing.has(window[i])) {
        page.push(window[i]);
        positions.push(pos + i);
      }
    }
  }
  const ids = page.slice(0, limit);
  const byId = new Map(
    (ids.length ? await db.selectFrom('problems').selectAll().where('id', 'in', ids).execute() : []).map((r) => [
      r.id,
      r,
    ]),
  );
  const rows = ids.map((id) => byId.get(id)).filter((r): r is ProblemRow => Boolean(r));
  return { rows, nextPos: page.length > limit ? positions[limit] : null };
}
