import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Dialect, DialectName } from '../../src/db/dialect.js';

/**
 * Each test file gets its own database: a temp SQLite file, or a fresh PostgreSQL database
 * created on TEST_DATABASE_URL's server and dropped afterwards, so files run in parallel.
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: boolean | undefined;
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== undefined) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgAvailable = true;
  } catch (err) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${PG_URL} is not reachable: ${(err as Error).message}`);
    }
    pgAvailable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return pgAvailable;
}

/** The dialects to run storage tests on: SQLite always, PostgreSQL when reachable (or required). */
export async function dialects(): Promise<DialectName[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  dialect: DialectName;
  /** The dialect's helpers, as `createDb` returns them with the database. */
  engine: Dialect;
  db: Db;
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile?: string;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(
  dialect: DialectName,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-test-'));
  let databaseUrl: string | null = null;
  let dbName = '';
  if (dialect === 'postgres') {
    dbName = `qd_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    databaseUrl = withDatabase(PG_URL, dbName);
  }
  const sqliteFile = dialect === 'sqlite' ? path.join(dataDir, 'qingdan.sqlite') : undefined;
  const { db, dialect: engine } = createDb({ databaseUrl, dataDir, sqliteFile, poolSize: 5 });
  if (opts.migrate !== false) await migrateToLatest(db);
  return {
    dialect,
    engine,
    db,
    databaseUrl,
    dataDir,
    sqliteFile,
    async destroy() {
      await db.destroy();
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        // Without force first: the pool has ended, and killing our own backends races their goodbye.
        await admin
          .query(`drop database if exists ${dbName}`)
          .catch(() => admin.query(`drop database if exists ${dbName} with (force)`));
        await admin.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Takes the audit key of a city whose server ran in another process (it keeps the key in its data
 * directory), so this process can verify the chains that server keyed.
 */
export async function verifyCityChain(tdb: TestDatabase) {
  const { loadAuditKey, setAuditKey } = await import('../../src/audit/audit-key.js');
  const { verifyChain } = await import('../../src/audit/audit.repository.js');
  setAuditKey(loadAuditKey({ auditKey: null, auditKeyFile: path.join(tdb.dataDir, 'audit.key'), production: false }));
  return verifyChain(tdb.db);
}
