import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { OVERDUE_STATES } from '../problems/problem-list.repository.js';

/**
 * Recomputes every item's contribution and the counters from the items, set-based, in one
 * transaction: for bulk paths that write items without the write hooks (`qingdan seed --bulk`,
 * the demo seed) and as `qingdan stats rebuild`. Same SQL as the migration's backfill.
 */
export async function rebuildCounters(db: Db, dialect: Dialect): Promise<{ items: number; counters: number }> {
  return db.transaction().execute(async (trx) => {
    // Writers append while we rebuild otherwise; they wait for this transaction instead.
    await dialect.lockTables(trx, ['stats_items', 'stats_counters']);
    await trx.deleteFrom('stats_counters').execute();
    await trx.deleteFrom('stats_items').execute();
    await sql`insert into stats_items (problem_id, is_public, status, category_id, area_id, source_id,
        created_month, deadline, departments, tags)
      select p.id, p.is_public, p.status, p.category_id, p.area_id, p.source_id, substr(p.created_at, 1, 7), p.deadline,
        coalesce(d.ids, ''), coalesce(t.ids, '')
      from problems p
      left join (
        select u.problem_id, string_agg(cast(u.department_id as text), ',' order by u.department_id) as ids
        from (select problem_id, department_id from problem_departments
              union select id, lead_department_id from problems where lead_department_id is not null) u
        group by u.problem_id
      ) d on d.problem_id = p.id
      left join (
        select problem_id, string_agg(cast(tag_id as text), ',' order by tag_id) as ids
        from problem_tags group by problem_id
      ) t on t.problem_id = p.id`.execute(trx);
    const scopes = [
      { scope: 'all', where: sql`1 = 1` },
      { scope: 'public', where: sql`s.is_public = 1 and s.status in (${sql.join(PUBLIC_STATES)})` },
    ];
    const dims = [
      { dim: 'total', key: sql`''`, where: sql`1 = 1` },
      { dim: 'category', key: sql`cast(s.category_id as text)`, where: sql`s.category_id is not null` },
      { dim: 'area', key: sql`cast(s.area_id as text)`, where: sql`s.area_id is not null` },
      { dim: 'source', key: sql`cast(s.source_id as text)`, where: sql`s.source_id is not null` },
      { dim: 'month', key: sql`s.created_month`, where: sql`s.created_month is not null` },
      {
        dim: 'deadline',
        key: sql`s.deadline`,
        where: sql`s.deadline is not null and s.status in (${sql.join(OVERDUE_STATES)})`,
      },
      { dim: 'department', key: sql`s.departments`, where: sql`s.departments <> ''` },
    ];
    for (const { scope, where } of scopes) {
      for (const d of dims) {
        await sql`insert into stats_counters (scope, dimension, key, status, n)
          select ${sql.lit(scope)}, ${sql.lit(d.dim)}, ${d.key}, s.status, count(*) from stats_items s
          where ${where} and ${d.where}
          group by ${d.dim === 'total' ? sql`s.status` : sql`${d.key}, s.status`}`.execute(trx);
      }
      await sql`insert into stats_counters (scope, dimension, key, status, n)
        select ${sql.lit(scope)}, 'tag', cast(pt.tag_id as text), s.status, count(*)
        from problem_tags pt join stats_items s on s.problem_id = pt.problem_id
        where ${where} group by pt.tag_id, s.status`.execute(trx);
    }
    const count = async (t: 'stats_items' | 'stats_counters') =>
      Number(
        (
          await trx
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { items: await count('stats_items'), counters: await count('stats_counters') };
  });
}
