import type { Kysely } from 'kysely';
import { createFullTextIndex, withId } from '../dialect.js';

/**
 * Full-text search index (src/search) and spreadsheet import bookkeeping (src/sheets).
 * The index starts empty: `qingdan search reindex` fills it for items that existed before, and
 * the server does so by itself on start when it finds items but no index. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createFullTextIndex(db);

  // One row per committed import run; dry runs and failed runs leave nothing behind.
  await withId(db, db.schema.createTable('sheet_imports'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sheet_key', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();

  // Sheets without item codes are matched on re-import by (sheet key, 序号).
  await db.schema
    .createTable('sheet_import_keys')
    .addColumn('sheet_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('sheet_import_keys_pk', ['sheet_key', 'seq'])
    .execute();
  await db.schema.createIndex('sheet_import_keys_problem_idx').on('sheet_import_keys').column('problem_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sheet_import_keys').execute();
  await db.schema.dropTable('sheet_imports').execute();
  await db.schema.dropTable('problem_search').execute();
}
