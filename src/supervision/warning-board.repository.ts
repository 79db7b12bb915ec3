import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** What the supervision board may narrow its warnings to; every filter is applied in SQL. */
export interface WarningBoardFilter {
  level?: string;
  /** The unit and its sub-units, already resolved (and cut to what the reader may see). */
  departmentIds?: number[];
  /** The area and its sub-areas, already resolved. */
  areaIds?: number[];
  /** Part of the title, or the item code in any case. */
  q?: string;
  /** Only items whose weekly report is missing. */
  missing?: boolean;
}

type Eb = ExpressionBuilder<Database & { s: Database['item_supervision'] }, 'problems' | 's'>;

function where(f: WarningBoardFilter, skip: { level?: boolean; missing?: boolean } = {}) {
  return (eb: Eb) => {
    const parts = [eb('s.warning_level', '!=', 'none')];
    if (f.level && !skip.level) parts.push(eb('s.warning_level', '=', f.level));
    if (f.missing && !skip.missing) parts.push(eb('s.missing_weekly_report', '=', 1));
    const ids = (v: number[]) => (v.length ? v : [-1]);
    if (f.departmentIds) parts.push(eb('problems.lead_department_id', 'in', ids(f.departmentIds)));
    if (f.areaIds) parts.push(eb('problems.area_id', 'in', ids(f.areaIds)));
    const q = f.q?.trim();
    if (q) {
      const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push(
        eb.or([
          sql<SqlBool>`lower(problems.title) like ${like} escape '\\'`,
          sql<SqlBool>`lower(problems.code) like ${like} escape '\\'`,
        ]),
      );
    }
    return eb.and(parts);
  };
}

const from = (db: Db) => db.selectFrom('problems').innerJoin('item_supervision as s', 's.problem_id', 'problems.id');

/**
 * One page of the board, most urgent first (red, yellow, blue; then the nearest deadline), with
 * true totals: the page's filter count, per colour (ignoring the colour filter) and missing weekly
 * reports (ignoring that filter), so the tabs say how many there are, not how many were sent.
 */
export async function warningBoardPage(db: Db, f: WarningBoardFilter, page: { limit: number; offset: number }) {
  const [rows, total, byLevel, missing] = await Promise.all([
    from(db)
      .leftJoin('departments as d', 'd.id', 'problems.lead_department_id')
      .select([
        'problems.code',
        'problems.title',
        'problems.status',
        'problems.deadline',
        'problems.progress_percent',
        'problems.lead_department_id',
        'd.name as department_name',
        's.warning_level',
        's.warning_reasons',
        's.warning_since',
        's.planned_percent',
        's.missing_weekly_report',
      ])
      .where(where(f))
      .orderBy(sql`case s.warning_level when 'red' then 0 when 'yellow' then 1 else 2 end`)
      .orderBy('problems.deadline')
      .orderBy('problems.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    from(db)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(where(f))
      .executeTakeFirstOrThrow(),
    from(db)
      .select(['s.warning_level', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where(where(f, { level: true }))
      .groupBy('s.warning_level')
      .execute(),
    from(db)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(where({ ...f, missing: true }))
      .executeTakeFirstOrThrow(),
  ]);
  const counts: Record<string, number> = { blue: 0, yellow: 0, red: 0 };
  for (const r of byLevel) counts[r.warning_level] = Number(r.n);
  return { rows, total: Number(total.n), counts, missingTotal: Number(missing.n) };
}
