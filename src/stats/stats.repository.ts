import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { filterExpr, type ListFilter, type Visibility } from '../problems/problem-list.repository.js';
import { RECTIFIED_STATES } from '../lifecycle/lifecycle.js';

/**
 * Counts for the statistics API, always through the list's own filter expression, so a figure
 * and the list for the same filter cannot disagree.
 */
type EB = ExpressionBuilder<Database, 'problems'>;
const rectifiedSum = sql<number>`sum(case when problems.status in (${sql.join(RECTIFIED_STATES)}) then 1 else 0 end)`;

export interface Grouped {
  key: string | number | null;
  count: number;
  rectified: number;
}

const toGrouped = (rows: { key: unknown; n: unknown; r: unknown }[]): Grouped[] =>
  rows.map((x) => ({ key: x.key as string | number | null, count: Number(x.n), rectified: Number(x.r ?? 0) }));

export async function groupByColumn(
  db: Db,
  f: ListFilter,
  v: Visibility,
  column: 'category_id' | 'area_id' | 'source_id' | 'lead_department_id',
): Promise<Grouped[]> {
  const rows = await db
    .selectFrom('problems')
    .where((eb) => filterExpr(eb, f, v))
    .select([sql.ref(`problems.${column}`).as('key'), (eb) => eb.fn.countAll().as('n'), rectifiedSum.as('r')])
    .groupBy(`problems.${column}`)
    .execute();
  return toGrouped(rows);
}

export async function groupByTag(db: Db, f: ListFilter, v: Visibility): Promise<Grouped[]> {
  const rows = await db
    .selectFrom('problems')
    .innerJoin('problem_tags as tg', 'tg.problem_id', 'problems.id')
    .where((eb) => filterExpr(eb as unknown as EB, f, v))
    .select(['tg.tag_id as key', (eb) => eb.fn.countAll().as('n'), rectifiedSum.as('r')])
    .groupBy('tg.tag_id')
    .execute();
  return toGrouped(rows);
}

/** By creation day (UTC, as the list's from/to compare), for month and week series. */
export async function groupByCreatedDay(db: Db, f: ListFilter, v: Visibility): Promise<Grouped[]> {
  const day = sql<string>`substr(problems.created_at, 1, 10)`;
  const rows = await db
    .selectFrom('problems')
    .where((eb) => filterExpr(eb, f, v))
    .select([day.as('key'), (eb) => eb.fn.countAll().as('n'), rectifiedSum.as('r')])
    .groupBy(day)
    .execute();
  return toGrouped(rows);
}

/** Items rectified or closed per day (UTC), by the time stamp on the item. */
export async function groupByDoneDay(
  db: Db,
  f: ListFilter,
  v: Visibility,
  column: 'rectified_at' | 'closed_at',
): Promise<Map<string, number>> {
  const day = sql<string>`substr(${sql.ref(`problems.${column}`)}, 1, 10)`;
  const rows = await db
    .selectFrom('problems')
    .where((eb) => filterExpr(eb, f, v))
    .where(`problems.${column}`, 'is not', null)
    .select([day.as('key'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(day)
    .execute();
  return new Map(rows.map((r) => [r.key as string, Number(r.n)]));
}

/** Items in a unit's subtree, as lead or co-unit: what `departmentId=` on the list returns. */
export async function countWithDepartments(
  db: Db,
  f: ListFilter,
  v: Visibility,
  departmentIds: number[],
): Promise<{ count: number; rectified: number }> {
  const ids = departmentIds.length ? departmentIds : [-1];
  const inDepartments = (eb: EB): Expression<SqlBool> =>
    eb.or([
      eb('problems.lead_department_id', 'in', ids),
      eb.exists(
        eb
          .selectFrom('problem_departments as pd3')
          .select('pd3.problem_id')
          .whereRef('pd3.problem_id', '=', 'problems.id')
          .where('pd3.department_id', 'in', ids),
      ),
    ]);
  const r = await db
    .selectFrom('problems')
    .where((eb) => eb.and([filterExpr(eb, f, v), inDepartments(eb)]))
    .select([(eb) => eb.fn.countAll().as('n'), rectifiedSum.as('r')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), rectified: Number(r.r ?? 0) };
}
