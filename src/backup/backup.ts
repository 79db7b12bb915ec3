import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, SqliteDialect } from 'kysely';
import type { Config } from '../config.js';
import { createDb, sqliteFilePath, type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyChain } from '../audit/audit.repository.js';
import { sqliteBackup, sqliteRestore } from './sqlite-backup.js';
import { postgresBackup, postgresRestore } from './postgres-backup.js';
import { downloadObjects, uploadObjects } from './s3-backup.js';

export interface BackupSummary {
  file: string;
  items: number | null;
  events: number | null;
  chainOk: boolean | null;
  attachments: number;
}

const attachmentsOf = (file: string) => `${file}.attachments`;

/**
 * Uploaded files are immutable and named at random, so a copy taken after the database snapshot
 * holds every file it refers to.
 */
function copyAttachments(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let n = 0;
  fs.cpSync(from, to, {
    recursive: true,
    force: false,
    errorOnExist: false,
    filter: (src) => {
      const keep = !path.basename(src).startsWith('.upload-');
      if (keep && fs.statSync(src).isFile()) n++;
      return keep;
    },
  });
  return n;
}

async function describe(db: Db, file: string, attachments: number): Promise<BackupSummary> {
  const count = async (t: 'problems' | 'events') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    file,
    items: await count('problems'),
    events: await count('events'),
    chainOk: (await verifyChain(db)).ok,
    attachments,
  };
}

/**
 * `qingdan backup FILE`: a consistent copy while the server runs, plus the attachments beside it
 * in FILE.attachments/ (copied from the data directory, or downloaded from the S3 bucket). A SQLite
 * copy is checked at once (integrity, audit chain); a PostgreSQL dump is checked when it is restored.
 */
export async function backupDatabase(
  config: Config,
  file: string,
  opts: { verify?: boolean } = {},
): Promise<BackupSummary> {
  if (config.databaseUrl) await postgresBackup(config.databaseUrl, file);
  else await sqliteBackup(sqliteFilePath(config), file);
  const attachments = config.s3
    ? await downloadObjects(config.s3, attachmentsOf(file))
    : copyAttachments(path.join(config.dataDir, 'attachments'), attachmentsOf(file));
  if (config.databaseUrl || opts.verify === false)
    return { file, items: null, events: null, chainOk: null, attachments };
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SqliteDatabase(file, { readonly: true }) }),
  });
  try {
    return await describe(db, file, attachments);
  } finally {
    await db.destroy();
  }
}

async function isEmptyTarget(config: Config): Promise<boolean> {
  if (config.databaseUrl) {
    const c = new pg.Client({ connectionString: config.databaseUrl });
    await c.connect();
    try {
      const tables = (
        await c.query(
          'select table_name from information_schema.tables ' +
            "where table_schema = 'public' and table_name in ('users', 'problems')",
        )
      ).rows;
      if (tables.length < 2) return true;
      const r = await c.query('select (select count(*) from users) + (select count(*) from problems) as n');
      return Number(r.rows[0].n) === 0;
    } finally {
      await c.end();
    }
  }
  const file = sqliteFilePath(config);
  if (!fs.existsSync(file)) return true;
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const has = (t: string) =>
      Boolean(db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t));
    if (!has('users') || !has('problems')) return true;
    return (
      (db.prepare('select (select count(*) from users) + (select count(*) from problems) as n').get() as { n: number })
        .n === 0
    );
  } finally {
    db.close();
  }
}

/** `qingdan restore FILE`: into an empty database only; then migrations, and a check of the audit chain. */
export async function restoreDatabase(config: Config, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new Error(`there is no backup at ${file}`);
  if (!(await isEmptyTarget(config)))
    throw new Error(
      'the target database is not empty; restore only into an empty database ' +
        '(a new data directory or a new PostgreSQL database)',
    );
  if (config.databaseUrl) await postgresRestore(config.databaseUrl, file);
  else await sqliteRestore(file, sqliteFilePath(config));
  // Into the configured store: the bucket of QINGDAN_ATTACHMENTS=s3, else the data directory.
  const attachments = config.s3
    ? await uploadObjects(config.s3, attachmentsOf(file))
    : copyAttachments(attachmentsOf(file), path.join(config.dataDir, 'attachments'));
  const { db } = createDb(config);
  try {
    await migrateToLatest(db); // a backup from an older release gains the newer tables
    return await describe(db, file, attachments);
  } finally {
    await db.destroy();
  }
}
