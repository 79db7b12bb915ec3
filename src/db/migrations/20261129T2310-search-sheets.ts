import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from '../dialect.js';

/**
 * Full-text search index (src/search) and spreadsheet import bookkeeping (src/sheets).
 * The index starts empty: `qingdan search reindex` fills it for items that existed before, and
 * the server does so by itself on start when it finds items but no index. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The index's own DDL is written out here (not shared with src/search) so this stays frozen.
  if (isPostgres(db)) {
    await sql`create table problem_search (
      problem_id integer primary key references problems(id) on delete cascade,
      document tsvector not null)`.execute(db);
    await sql`create index problem_search_document_idx on problem_search using gin (document)`.execute(db);
  } else {
    // contentless_delete lets a document be replaced without keeping its text (SQLite ≥ 3.43).
    await sql`create virtual table problem_search using fts5(code, title, body,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }

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
