import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import { filterExpr, type IndexPlan, type ListFilter, type Visibility } from './problem-list.repository.js';

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
export async function indexPlan(db: Db, f: ListFilter, v: Visibility, sortColumn: string): Promise<IndexPlan | undefined> {
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
  // No match in the sample: the filter may match nothing at all, and a walk would read all it passes.
  const walkRows = n('all') === 0 ? ((hi - lo) * walked) / total : (21 * walked) / n('all');
  if (!seekable.length) return { dialect, seekBy: null };
  const best = seekable.map(([, column], i) => ({ column, hits: n(`f${i}`) })).sort((a, b) => a.hits - b.hits)[0];
  const seekRows = ((hi - lo) * Math.max(best.hits, 0.5)) / total;
  return { dialect, seekBy: seekRows < walkRows ? best.column : null };
}
