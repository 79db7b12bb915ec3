import type { Kysely } from 'kysely';
import { DOUBLE, withId } from '../dialect.js';

/**
 * Supervision and assessment: calendar edits, time-limit settings, milestones, supervision state
 * per item, extensions, weekly-report misses, supervision actions, notifications and their outbox,
 * job leases and runs, and frozen monthly settlements. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A year's calendar as edited by an administrator; years absent here use the shipped data.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('days_off', 'text', (c) => c.notNull())
    .addColumn('adjusted_workdays', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('supervision_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('milestones'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('weight', DOUBLE, (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestones_problem_idx').on('milestones').columns(['problem_id', 'due_date']).execute();

  // Computed supervision state per item: the stored warning is what the timeline compares with.
  await db.schema
    .createTable('item_supervision')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey().references('problems.id').onDelete('cascade'))
    .addColumn('warning_level', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('warning_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('warning_since', 'text')
    .addColumn('planned_percent', DOUBLE)
    .addColumn('original_deadline', 'text')
    .addColumn('missing_weekly_report', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_report_at', 'text')
    .addColumn('rollup_weight', DOUBLE, (c) => c.notNull().defaultTo(1))
    .addColumn('computed_at', 'text')
    .execute();
  await db.schema.createIndex('item_supervision_level_idx').on('item_supervision').column('warning_level').execute();

  await withId(db, db.schema.createTable('extensions'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('department_id', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('original_deadline', 'text')
    .addColumn('requested_deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('granted_deadline', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('requested_by', 'integer')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('extensions_problem_idx').on('extensions').columns(['problem_id', 'status']).execute();

  await withId(db, db.schema.createTable('weekly_report_misses'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('department_id', 'integer')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('weekly_report_misses_once', ['problem_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('weekly_report_misses_dept_idx')
    .on('weekly_report_misses')
    .columns(['department_id', 'due_date'])
    .execute();

  await withId(db, db.schema.createTable('supervision_actions'))
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id').onDelete('cascade'))
    .addColumn('department_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('people', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    // Scheduled escalations write a key so a rerun (or a second instance) cannot record twice.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_actions_dept_idx')
    .on('supervision_actions')
    .columns(['department_id', 'action_date'])
    .execute();
  await db.schema
    .createIndex('supervision_actions_problem_idx')
    .on('supervision_actions')
    .column('problem_id')
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('problem_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute();
  await withId(db, db.schema.createTable('notification_outbox'))
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_outbox_due_idx')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('job_runs'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('slot', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_runs_name_idx').on('job_runs').columns(['name', 'id']).execute();

  await db.schema
    .createTable('settlements')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('settled_by', 'integer')
    .addColumn('settled_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'settlements',
    'job_runs',
    'job_leases',
    'notification_outbox',
    'notifications',
    'supervision_actions',
    'weekly_report_misses',
    'extensions',
    'item_supervision',
    'milestones',
    'supervision_settings',
    'calendar_years',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
