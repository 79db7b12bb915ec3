import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

const migrator = (db: Db) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Undoes the newest applied migration (`qingdan migrate down`); its `down` restores the schema before it. */
export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateDown();
  if (result.error) throw result.error;
  return result;
}

export interface SchemaState {
  /** Every migration this release knows, with when it ran (null: pending). */
  known: Array<{ name: string; appliedAt: string | null }>;
  /** Applied migrations this release does not know: a newer release ran them. */
  ahead: string[];
}

/** What `qingdan migrate status` prints and the server checks before it starts. */
export async function schemaState(db: Db): Promise<SchemaState> {
  let applied: Array<{ name: string; timestamp: string }> = [];
  try {
    applied = (await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration`.execute(db))
      .rows;
  } catch {
    // A new database: no migration table yet, nothing applied.
  }
  const at = new Map(applied.map((r) => [r.name, String(r.timestamp)]));
  const known = Object.keys(migrations).map((name) => ({ name, appliedAt: at.get(name) ?? null }));
  const ahead = applied.map((r) => r.name).filter((n) => !(n in migrations));
  return { known, ahead: ahead.sort() };
}

/**
 * Migrates before serving. A database a newer release has already migrated (migrations we do not
 * know, all of ours applied) is served as it is: migrations expand the schema in one release and
 * contract it only in a later one, so the release before still runs on it — which is what a
 * rolling upgrade needs. A database that is both ahead and missing some of ours is refused.
 */
export async function migrateForStart(db: Db): Promise<{ ahead: string[] }> {
  const state = await schemaState(db);
  if (!state.ahead.length) {
    await migrateToLatest(db);
    return { ahead: [] };
  }
  const pending = state.known.filter((m) => !m.appliedAt).map((m) => m.name);
  if (pending.length) {
    throw new Error(
      `the database has migrations this release does not know (${state.ahead.join(', ')}) and lacks ` +
        `some it needs (${pending.join(', ')}): run the release that made it, or restore a backup`,
    );
  }
  return { ahead: state.ahead };
}
