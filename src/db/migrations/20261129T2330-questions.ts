import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * Category extra questions (asked when an item is reported in a category, Open311's service
 * attributes), the answers stored with each item, and what Open311 knows about the items its
 * clients submitted (which API key, the client's account and device ids, an external photo URL).
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('category_questions'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text')
    .addColumn('help', 'text')
    .addColumn('datatype', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON [{key, name, nameEn}] for the list datatypes, '[]' otherwise.
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('category_questions_code_uq', ['category_id', 'code'])
    .execute();

  // The question's label and the answer's display text are copied in: an item keeps reading as
  // it was reported even after an administrator rewords or removes the question.
  await db.schema
    .createTable('problem_answers')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('datatype', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('problem_answers_pk', ['problem_id', 'code'])
    .execute();

  await db.schema
    .createTable('open311_requests')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey().references('problems.id').onDelete('cascade'))
    .addColumn('api_key_id', 'integer', (c) => c.notNull().references('api_keys.id'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('media_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A client reads back what it submitted (also before triage makes an item public).
  await db.schema
    .createIndex('open311_requests_key_idx')
    .on('open311_requests')
    .columns(['api_key_id', 'problem_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open311_requests').execute();
  await db.schema.dropTable('problem_answers').execute();
  await db.schema.dropTable('category_questions').execute();
}
