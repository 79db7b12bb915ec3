import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { DIALECTS, type Dialect } from './dialect.js';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** postgres:// URL; absent means the embedded SQLite file in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  /** Override the SQLite file (tests use a temp file). */
  sqliteFile?: string;
  poolSize?: number;
}

// PostgreSQL returns int8 (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function sqliteFilePath(opts: DbOptions): string {
  return opts.sqliteFile ?? path.join(opts.dataDir, 'qingdan.sqlite');
}

/** An open database with its dialect: the one value every feature's storage code is given. */
export interface OpenDb {
  db: Db;
  dialect: Dialect;
}

const pools = new WeakMap<Db, pg.Pool>();

/** The PostgreSQL pool's connections (for /metrics); null on SQLite. */
export function poolStats(db: Db): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export function createDb(opts: DbOptions): OpenDb {
  if (opts.databaseUrl) {
    // A bounded wait for a connection: with the server gone, requests and probes fail instead of hanging.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pools.set(db, pool);
    return { db, dialect: DIALECTS.postgres };
  }
  const file = sqliteFilePath(opts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers proceed during writes; synchronous=NORMAL is durable across process crashes
  // in WAL mode (only an OS crash can lose the last transactions).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cachePreparedStatements(sqlite);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: DIALECTS.sqlite };
}

/**
 * Kysely prepares every query afresh, and compiling SQL is a large share of a small query's cost
 * in better-sqlite3 (measured: about a quarter of a bulk import's CPU). The same few hundred SQL
 * texts recur, so keep their compiled statements. Safe on Kysely's single connection: queries
 * run one at a time, so a cached statement is never reused while it is still iterating.
 */
function cachePreparedStatements(sqlite: SqliteDatabase.Database, size = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SqliteDatabase.Statement>();
  (sqlite as { prepare: (sql: string) => SqliteDatabase.Statement }).prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      // Move to the back: the map's insertion order is the eviction order.
      cache.delete(sql);
    } else {
      stmt = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
}
