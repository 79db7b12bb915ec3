import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
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
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // A database that accepts TCP but never answers must not hold requests forever.
      connectionTimeoutMillis: 10_000,
    });
    watchConnectionErrors(pool);
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
  return { db: new Kysely<Database>({ dialect: new QingdanSqliteDialect(sqlite) }), dialect: DIALECTS.sqlite };
}

/**
 * A connection the server drops (pg_terminate_backend, a restart, a failover) emits 'error' on its
 * client. pg-pool listens only while the client is idle; a client checked out for a transaction
 * has no listener, and Node turns that unhandled 'error' event into a process exit. So every
 * client gets a listener for its whole life: the query in flight fails by itself (the edge answers
 * 503), and the pool discards the dead client on release and connects a new one on demand.
 * Warnings are rate-limited: a cut under load hits every connection at once.
 */
function watchConnectionErrors(pool: pg.Pool): void {
  let lastWarning = 0;
  const warn = (err: Error, where: string) => {
    const now = Date.now();
    if (now - lastWarning < 1000) return;
    lastWarning = now;
    process.emitWarning(`PostgreSQL ${where} connection lost: ${err.message}`);
  };
  pool.on('error', (err) => warn(err, 'idle'));
  pool.on('connect', (client) => client.on('error', (err) => warn(err, 'active')));
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL on a full disk, an I/O
 * error); Kysely then sends its own ROLLBACK, which fails with "cannot rollback - no transaction
 * is active" and replaces the real error. Skipping the ROLLBACK when none is open keeps the cause.
 */
class QingdanSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteDatabase.Database) {
    super({ database: sqlite });
  }
  override createDriver() {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
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
