import type { Kysely } from 'kysely';

/**
 * A city's history imported as it is (issue #14 part 1). The `import` source existed only in the
 * demo data, so an import on a fresh database failed: it is created here, and left alone where the
 * demo already made it. `problem_origins` keeps what an imported item brings from its sheet that no
 * other item has: when it was imported (the item's created_at is the original report time, so
 * statistics, list filters and the settlement date it as the city did), support and opposition
 * counts (点赞/反对), and the sheet's own reference and user id, which are staff-only.
 * `sheet_mappings` remembers a column mapping per set of headers, for every colleague.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const exists = await db.selectFrom('sources').select('id').where('code', '=', 'import').executeTakeFirst();
  if (!exists)
    await db
      .insertInto('sources')
      .values({ code: 'import', name: '表格导入', name_en: 'Spreadsheet import', sort: 95 })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  await db.schema
    .createTable('problem_origins')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey().references('problems.id').onDelete('cascade'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('support_count', 'integer')
    .addColumn('oppose_count', 'integer')
    .addColumn('external_ref', 'text')
    .addColumn('external_user_id', 'text')
    .execute();
  await db.schema
    .createTable('sheet_mappings')
    .addColumn('digest', 'text', (c) => c.primaryKey())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sheet_mappings').execute();
  await db.schema.dropTable('problem_origins').execute();
}
