import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * A unit's to-do, in the order the work comes: sign for (签收), make a plan (制定计划: started but
 * no milestones), send the weekly report (周报), rectify (整改: started and planned).
 */
export const TODO_KINDS = ['sign', 'plan', 'report', 'rectify'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

type Eb = ExpressionBuilder<Database & { s: Database['item_supervision'] }, 'problems' | 's'>;

function kindWhere(kind: TodoKind) {
  return (eb: Eb) => {
    const planned = eb.exists(
      eb.selectFrom('milestones as m').select('m.id').whereRef('m.problem_id', '=', 'problems.id'),
    );
    switch (kind) {
      case 'sign':
        return eb('problems.status', '=', 'assigned');
      case 'plan':
        return eb.and([eb('problems.status', '=', 'in_progress'), eb.not(planned)]);
      case 'report':
        return eb.and([
          eb('problems.status', 'in', ['in_progress', 'long_term']),
          eb('s.missing_weekly_report', '=', 1),
        ]);
      case 'rectify':
        return eb.and([eb('problems.status', '=', 'in_progress'), planned]);
    }
  };
}

function scopeWhere(f: { departmentIds?: number[]; q?: string }) {
  return (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [];
    if (f.departmentIds)
      parts.push(eb('problems.lead_department_id', 'in', f.departmentIds.length ? f.departmentIds : [-1]));
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

const from = (db: Db) => db.selectFrom('problems').leftJoin('item_supervision as s', 's.problem_id', 'problems.id');

/** One kind's page, nearest deadline first, with every kind's count under the same unit and search. */
export async function todoPage(
  db: Db,
  f: { kind: TodoKind; departmentIds?: number[]; q?: string },
  page: { limit: number; offset: number },
) {
  const [rows, ...counts] = await Promise.all([
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
      .where(scopeWhere(f))
      .where(kindWhere(f.kind))
      .orderBy(sql`coalesce(problems.deadline, '9999-12-31')`)
      .orderBy('problems.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    ...TODO_KINDS.map((k) =>
      from(db)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(scopeWhere(f))
        .where(kindWhere(k))
        .executeTakeFirstOrThrow(),
    ),
  ]);
  return {
    rows,
    counts: Object.fromEntries(TODO_KINDS.map((k, i) => [k, Number(counts[i].n)])) as Record<TodoKind, number>,
  };
}
