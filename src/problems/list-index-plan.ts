import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { filterExpr, type IndexPlan, type ListFilter, type Visibility } from './problem-list.repository.js';

export interface SortSpec {
  column: 'created_at' | 'updated_at' | 'deadline';
  dir: 'asc' | 'desc';
}
import { choosePlan, type PlanPart, type SampleCounts } from './list-index-plan-cost.js';

// Rows in the sample that estimates how often each filter matches.
const SAMPLE = 1000;

/**
 * Filters SQLite can seek by, with the column their index starts with; `byCreated` when that index
 * continues with (created_at, id) (migration 20261130T0120-list-indexes, and status in the core).
 */
const SEEKABLE: Array<{ key: keyof ListFilter; column: string; byCreated: boolean }> = [
  { key: 'categoryIds', column: 'problems.category_id', byCreated: true },
  { key: 'areaIds', column: 'problems.area_id', byCreated: true },
  { key: 'statuses', column: 'problems.status', byCreated: true },
  { key: 'sourceId', column: 'problems.source_id', byCreated: true },
  { key: 'urgency', column: 'problems.urgency', byCreated: true },
  { key: 'departmentIds', column: 'problems.lead_department_id', byCreated: false },
  { key: 'ownerLeaderId', column: 'problems.owner_leader_id', byCreated: false },
];
const present = (x: unknown) => x !== undefined && x !== null && !(Array.isArray(x) && !x.length);
const single = (x: unknown) => !Array.isArray(x) || x.length === 1;

/**
 * Both planners misjudge some pages. SQLite picks a filter's index and sorts everything it finds,
 * even when the filter matches most of the table, and among several filters often seeks by the
 * least selective one. PostgreSQL assumes creation and update dates are unrelated: for a date
 * range sorted by update it walks the update index through most of the table (1.2 s at a million
 * items). A sample of SAMPLE items spread evenly over the id range (a bounded cost at any size)
 * estimates how often the filter and each seekable part match, and list-index-plan-cost.ts picks
 * the plan that reads fewest rows. PostgreSQL is only steered for the first page of a date range
 * with another sort; it plans everything else well.
 */
export async function indexPlan(
  db: Db,
  dialect: Dialect,
  f: ListFilter,
  v: Visibility,
  sort: SortSpec,
  limit: number,
  after?: RawBuilder<SqlBool>,
): Promise<IndexPlan | undefined> {
  const sortColumn = sort.column;
  // A search result: its ids (or the full-text match) are the selective part.
  if (f.matchedIds || f.textMatch) return undefined;
  const dated = Boolean(f.from || f.to);
  // A later page's walk starts at the cursor, among matches; PostgreSQL's sample costs ~1,000 heap
  // pages from disk at a million items, so it is only taken for a first page.
  if (dialect.misplansOnlyFirstDatedPage && (!dated || sortColumn === 'created_at' || after)) return undefined;
  const seekable = dialect.steersFilterIndexes ? SEEKABLE.filter(({ key }) => present(f[key])) : [];
  // Two queries: SQLite answers min() or max() of the rowid from the b-tree's ends, but both in one
  // query with a full scan.
  const lo = Number(
    (
      await db
        .selectFrom('problems')
        .select((eb) => eb.fn.min('id').as('x'))
        .executeTakeFirst()
    )?.x ?? 0,
  );
  const hi = Number(
    (
      await db
        .selectFrom('problems')
        .select((eb) => eb.fn.max('id').as('x'))
        .executeTakeFirst()
    )?.x ?? 0,
  );
  // Small: anything is fast, and walking the sort index never misleads.
  if (hi - lo < SAMPLE * 4)
    return { dialect, seekBy: sortColumn === 'created_at' ? ['problems.created_at'] : [], ordered: true };
  const step = Math.floor((hi - lo) / SAMPLE);
  const dates: ListFilter = { from: f.from, to: f.to };
  // The parts that follow update and deadline order (see firstMatchAt); the others are taken as
  // spread evenly along it, and leaving them out keeps enough sampled matches to place the start.
  const ordering: ListFilter = { ...dates, statuses: f.statuses, overdueBefore: f.overdueBefore };
  const hits = (e: Expression<SqlBool>) => sql<number>`sum(case when ${e} then 1 else 0 end)`;
  // Literals (integers computed here): PostgreSQL cannot type parameters inside the recursive query.
  const [from, by, to] = [sql.lit(lo), sql.lit(step), sql.lit(hi)];
  const sample = sql<SqlBool>`problems.id in (with recursive s(x) as
    (select ${from} union all select x + ${by} from s where x + ${by} <= ${to}) select x from s)`;
  const all = { kind: 'all' } as const;
  const r = (await db
    .selectFrom('problems')
    .where(sample)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      hits(filterExpr(eb, f, v)).as('all'),
      hits(filterExpr(eb, dates, all)).as('dates'),
      hits(filterExpr(eb, ordering, v)).as('ordering'),
      ...seekable.map(({ key }, i) => hits(filterExpr(eb, { [key]: f[key] }, all)).as(`p${i}`)),
      ...seekable.map(({ key }, i) => hits(filterExpr(eb, { ...dates, [key]: f[key] }, all)).as(`d${i}`)),
    ])
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  const n = (k: string) => Number(r[k] ?? 0);
  const parts: PlanPart[] = seekable.map(({ key, column, byCreated }, i) => ({
    column,
    byCreated,
    single: single(f[key]),
    hits: n(`p${i}`),
    hitsInDates: n(`d${i}`),
  }));
  const counts: SampleCounts = {
    total: Math.max(n('total'), 1),
    span: hi - lo,
    all: n('all'),
    dates: n('dates'),
    parts,
  };
  if (sortColumn !== 'created_at' && n('ordering') > 0) {
    counts.ordering = n('ordering');
    counts.firstMatchAt = await firstMatchAt(db, dialect, ordering, v, sort, sample, after);
  }
  return { dialect, ...choosePlan(counts, { sortColumn, dated, need: limit + 1 }) };
}

/**
 * Update and deadline order are correlated with dates and states (items are updated and due soon
 * after they are created; accepted and merged ones have no deadline and sort last), so matches are
 * not spread evenly along those orders. Counted instead: the sampled rows a walk from the cursor
 * passes up to the first sampled match of those parts (all of them when none is left). A walk
 * reads those before any match; a later page's walk starts among matches.
 */
async function firstMatchAt(
  db: Db,
  dialect: Dialect,
  f: ListFilter,
  v: Visibility,
  sort: SortSpec,
  sample: RawBuilder<SqlBool>,
  after?: RawBuilder<SqlBool>,
): Promise<number> {
  // Hidden from index choice (as `after` is), so the database looks up the sampled rows by id
  // instead of scanning the sort index from the cursor.
  const key =
    sort.column === 'deadline'
      ? sql<string>`(coalesce(problems.deadline, '9999-12-31') || '')`
      : sql<string>`(problems.${sql.ref(sort.column)} || '')`;
  const edge = sort.dir === 'desc' ? sql<string>`max(${key})` : sql<string>`min(${key})`;
  const rest = db
    .selectFrom('problems')
    .where(sample)
    .where(after ?? sql<SqlBool>`1 = 1`);
  const hidden: IndexPlan = { dialect, seekBy: [], ordered: true };
  const first =
    (
      await rest
        .where((eb) => filterExpr(eb, f, v, hidden))
        .select(edge.as('k'))
        .executeTakeFirst()
    )?.k ?? null;
  const upTo =
    first === null ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${key} ${sql.raw(sort.dir === 'desc' ? '>=' : '<=')} ${first}`;
  const r = await rest
    .where(upTo)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
