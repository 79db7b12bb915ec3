import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { migrations } from '../db/migrations/index.js';

/** What `/readyz` reports: each check "ok" or why not. */
export interface Readiness {
  ready: boolean;
  checks: { database: string; migrations: string };
  /** Migrations the database has that this release does not know (a newer release ran them). */
  ahead?: string[];
}

/** A probe must answer in time even when the pool waits forever for a server that is gone. */
const PROBE_MS = 2000;

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The migrations this release knows that the database has not run, and those it has that we do not know. */
export async function migrationDrift(db: Db): Promise<{ pending: string[]; ahead: string[] }> {
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const done = new Set(rows.rows.map((r) => r.name));
  const known = Object.keys(migrations);
  return { pending: known.filter((n) => !done.has(n)), ahead: [...done].filter((n) => !known.includes(n)).sort() };
}

/** Database reachable and every migration of this release applied. */
export async function readiness(db: Db): Promise<Readiness> {
  try {
    const drift = await withTimeout(
      (async () => {
        await sql`select 1`.execute(db);
        return migrationDrift(db);
      })(),
      PROBE_MS,
      'the database',
    );
    const migrationsCheck = drift.pending.length ? `pending: ${drift.pending.join(', ')}` : 'ok';
    return {
      ready: drift.pending.length === 0,
      checks: { database: 'ok', migrations: migrationsCheck },
      ...(drift.ahead.length ? { ahead: drift.ahead } : {}),
    };
  } catch (err) {
    return { ready: false, checks: { database: (err as Error).message, migrations: 'unknown' } };
  }
}
