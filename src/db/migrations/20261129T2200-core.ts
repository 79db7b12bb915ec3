import type { Kysely } from 'kysely';
import { DOUBLE, withId } from '../dialect.js';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['areas', 'departments'] as const) {
    await withId(db, db.schema.createTable(table))
      .addColumn('parent_id', 'integer', (c) => c.references(`${table}.id`))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn(table === 'areas' ? 'level' : 'kind', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await withId(db, db.schema.createTable('categories'))
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('default_department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('time_limit_tier', 'text', (c) => c.notNull().defaultTo('simple'))
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of ['sources', 'tags'] as const) {
    await withId(db, db.schema.createTable(table))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('api_keys'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await withId(db, db.schema.createTable('problems'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('address', 'text')
    .addColumn('lat', DOUBLE)
    .addColumn('lng', DOUBLE)
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('tracking_token_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('measures', 'text')
    .addColumn('lead_department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('responsible_person', 'text')
    .addColumn('owner_leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('deadline', 'text')
    .addColumn('checkpoint_date', 'text')
    .addColumn('progress_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('redo_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('merged_into_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('satisfaction', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('rectified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Keyset paging sorts by (created_at, id); the list filters by these columns.
  for (const cols of [
    ['created_at', 'id'],
    ['status', 'created_at', 'id'],
    ['lead_department_id', 'status'],
    ['category_id', 'status'],
    ['area_id', 'status'],
    ['source_id', 'status'],
    ['deadline', 'status'],
    ['updated_at', 'id'],
    ['owner_leader_id'],
    ['merged_into_id'],
    ['parent_id'],
  ]) {
    await db.schema
      .createIndex(`problems_${cols.join('_')}_idx`)
      .on('problems')
      .columns(cols)
      .execute();
  }
  await db.schema
    .createTable('problem_departments')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('problem_departments_pk', ['problem_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('problem_departments_dept_idx')
    .on('problem_departments')
    .column('department_id')
    .execute();
  await db.schema
    .createTable('problem_tags')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addPrimaryKeyConstraint('problem_tags_pk', ['problem_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('problem_tags_tag_idx').on('problem_tags').column('tag_id').execute();

  await withId(db, db.schema.createTable('events'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_problem_idx').on('events').columns(['problem_id', 'id']).execute();
  await db.schema.createIndex('events_created_idx').on('events').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, last_event_id: 0, last_hash: 'genesis' }).execute();

  await withId(db, db.schema.createTable('attachments'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
    .addColumn('event_id', 'integer', (c) => c.references('events.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_problem_idx').on('attachments').column('problem_id').execute();

  await db.schema
    .createTable('code_sequences')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('the core migration cannot be undone');
}
