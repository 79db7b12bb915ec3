import type { Kysely } from 'kysely';

/**
 * Failed sign-ins counted per account and address, and per account alone (src/users/login-backoff.ts),
 * replacing the hard lock on users.locked_until (issue #16, finding 7). `next_at` (ms) is when the
 * next attempt is taken. Keyed by the name typed, so unknown names are counted like known ones.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_backoff')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_backoff_pk', ['scope', 'client'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_backoff').execute();
}
