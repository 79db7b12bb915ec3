import type { Kysely } from 'kysely';

/**
 * One row counting changes to the settings every instance caches (the calendar, time limits),
 * bumped in the same transaction as each change; instances compare it with what they loaded
 * (src/ops/settings-watch.ts) instead of reloading on a timer. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('settings_version').values({ id: 1, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings_version').execute();
}
