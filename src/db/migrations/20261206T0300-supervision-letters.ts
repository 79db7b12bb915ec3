import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * Supervision letters (督办函) and summons (约谈) as numbered records with a reply deadline, the
 * addressed unit's acknowledgement and its written reply (docs/supervision-letters.md).
 * `letter_counters` holds the last number given per kind and year: it is bumped in the issuing
 * transaction, so a rolled-back letter gives its number back and numbers have no gaps.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_counters')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_counters_pk', ['kind', 'year'])
    .execute();

  await withId(db, db.schema.createTable('supervision_letters'))
    // 'letter' (督办函) or 'summons' (约谈).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull().unique())
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('replied_by_name', 'text')
    .addColumn('replied_at', 'text')
    // When the overdue job put "no reply by the deadline" on the item's timeline (once).
    .addColumn('overdue_recorded_at', 'text')
    .addUniqueConstraint('supervision_letters_serial_uq', ['kind', 'year', 'serial'])
    .execute();
  await db.schema
    .createIndex('supervision_letters_problem_idx')
    .on('supervision_letters')
    .column('problem_id')
    .execute();
  await db.schema
    .createIndex('supervision_letters_dept_idx')
    .on('supervision_letters')
    .columns(['department_id', 'reply_due'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supervision_letters').execute();
  await db.schema.dropTable('letter_counters').execute();
}
