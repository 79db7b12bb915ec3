import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';

/** The advisory-lock key of start-up seeding (any constant distinct from Kysely's migration lock). */
const SEED_LOCK = 0x71645f73; // "qd_s"

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, so instances starting together on
 * one database seed one after another: the second finds the city seeded and does nothing. The lock
 * is held on one pooled connection while `fn` uses the others. SQLite serves one instance.
 */
export async function withSeedLock(db: Db, dialect: Dialect, fn: () => Promise<void>): Promise<void> {
  if (dialect.name !== 'postgres') return fn();
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${SEED_LOCK})`.execute(conn);
    try {
      await fn();
    } finally {
      await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(conn);
    }
  });
}
