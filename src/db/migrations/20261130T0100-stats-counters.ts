import { sql, type Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * Precomputed counts for the statistics summary (src/stats): the home page's figures at a million
 * items were ~25 aggregates over the whole list, 18 s on SQLite. `stats_items` keeps what each
 * item contributes (so a write can take its old contribution back); `stats_counters` is a ledger
 * of signed counts that writes append to and readers sum (see src/stats/stats-counters.repository.ts).
 *
 * The backfill below is a frozen copy of src/stats/stats-rebuild.ts as it was written, so that
 * later changes to the rebuild cannot change what this migration does.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stats_items')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer')
    .addColumn('area_id', 'integer')
    .addColumn('source_id', 'integer')
    .addColumn('created_month', 'text')
    .addColumn('deadline', 'text')
    .addColumn('departments', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('stats_counters'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stats_counters_scope_idx')
    .on('stats_counters')
    .columns(['scope', 'dimension', 'key', 'status'])
    .execute();
  await backfill(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stats_counters').execute();
  await db.schema.dropTable('stats_items').execute();
}

const PUBLIC_STATES = ['accepted', 'assigned', 'in_progress', 'long_term', 'rectified', 'verified', 'closed'];
const OVERDUE_STATES = ['assigned', 'in_progress'];

/** Set-based: one insert of every item's contribution, then one grouped insert per counter. */
export async function backfill(db: Kysely<any>): Promise<void> {
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
    ) t on t.problem_id = p.id`.execute(db);
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
        where ${where} and ${d.where} group by ${d.dim === 'total' ? sql`s.status` : sql`${d.key}, s.status`}`.execute(
        db,
      );
    }
    await sql`insert into stats_counters (scope, dimension, key, status, n)
      select ${sql.lit(scope)}, 'tag', cast(pt.tag_id as text), s.status, count(*)
      from problem_tags pt join stats_items s on s.problem_id = pt.problem_id
      where ${where} group by pt.tag_id, s.status`.execute(db);
  }
}
