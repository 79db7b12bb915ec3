import type { Kysely } from 'kysely';

/**
 * Rate-limit windows shared by every instance on one PostgreSQL database (src/http/rate-limit.ts):
 * one row per bucket and client, its fixed window's start (ms) and the hits counted in it. Created
 * on SQLite too (one schema for both), where a single process counts in memory instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'client'])
    .execute();
  await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
