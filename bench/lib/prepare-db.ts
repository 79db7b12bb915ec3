import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrations } from '../../src/db/migrations/index.js';
import { ROOT } from './server-process.js';
import type { BenchArgs } from './args.js';

export interface PreparedDb {
  /** Environment for the server and the CLI: QINGDAN_DATA_DIR or DATABASE_URL of the working copy. */
  env: Record<string, string>;
  databaseUrl: string | null;
  dataDir: string;
  seeding: Seeding;
  cleanup(): Promise<void>;
}

/** Whole `seed --bulk` run (with follow-ups) and the bulk insert alone, as it reported itself. */
export interface Seeding {
  seconds: number;
  itemsPerSecond: number;
  bulkSeconds: number | null;
  bulkItemsPerSecond: number | null;
  cached: boolean;
}

interface Marker {
  items: number;
  migrations: string[];
  seconds: number;
  bulkSeconds?: number | null;
}

const TMP = path.join(ROOT, 'bench', 'tmp');
const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A cache of the same size is reused. Migrations added since it was seeded run when the server
 * starts (an index costs seconds); derived data a new feature fills in on bulk loads (its reindex)
 * would be missing, so they are named, and --fresh seeds again.
 */
function readMarker(file: string, items: number, log: (m: string) => void): Marker | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
    if (m.items !== items) return null;
    const now = Object.keys(migrations);
    if (m.migrations.some((x) => !now.includes(x))) return null; // seeded by another branch
    const added = now.filter((x) => !m.migrations.includes(x));
    if (added.length)
      log(
        `the cached database predates ${added.join(', ')}: the server will apply them; ` +
          'use --fresh if they need a bulk follow-up',
      );
    return m;
  } catch {
    return null;
  }
}

/** `qingdan seed --bulk N` as a user runs it, so follow-up commands (search reindex …) run too. */
async function seed(items: number, env: Record<string, string>): Promise<Marker> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'seed', '--bulk', String(items)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    process.stdout.write(d);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding ${items} items failed (exit ${code})`);
  const bulk = /bulk: [\d,]+ items and [\d,]+ events in ([\d.]+) s/.exec(out);
  return {
    items,
    migrations: Object.keys(migrations),
    seconds: (Date.now() - started) / 1000,
    bulkSeconds: bulk ? Number(bulk[1]) : null,
  };
}

const seedingOf = (m: Marker, cached: boolean): Seeding => ({
  seconds: m.seconds,
  itemsPerSecond: Math.round(m.items / m.seconds),
  cached,
  bulkSeconds: m.bulkSeconds ?? null,
  bulkItemsPerSecond: m.bulkSeconds ? Math.round(m.items / m.bulkSeconds) : null,
});

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * A pristine seeded database is cached per size in bench/tmp (seeding a million items takes
 * minutes); each run works on a copy, so intake's new items never accumulate across runs.
 */
export async function prepareDatabase(args: BenchArgs, log: (m: string) => void): Promise<PreparedDb> {
  fs.mkdirSync(TMP, { recursive: true });
  const markerFile = path.join(TMP, `${args.db}-${args.items}.json`);
  let marker = args.fresh ? null : readMarker(markerFile, args.items, log);
  const cached = marker !== null;
  if (args.db === 'sqlite') {
    const cacheDir = path.join(TMP, `sqlite-${args.items}`);
    if (!marker) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      log(`seeding ${args.items.toLocaleString('en')} items into SQLite (${cacheDir}) …`);
      marker = await seed(args.items, { QINGDAN_DATA_DIR: cacheDir, DATABASE_URL: '' });
      fs.writeFileSync(markerFile, JSON.stringify(marker));
    }
    const runDir = path.join(TMP, 'run-sqlite');
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.mkdirSync(runDir, { recursive: true });
    fs.copyFileSync(path.join(cacheDir, 'qingdan.sqlite'), path.join(runDir, 'qingdan.sqlite'));
    return {
      env: { QINGDAN_DATA_DIR: runDir, DATABASE_URL: '' },
      databaseUrl: null,
      dataDir: runDir,
      seeding: seedingOf(marker, cached),
      cleanup: async () => fs.rmSync(runDir, { recursive: true, force: true }),
    };
  }
  const cacheDb = `qd_bench_cache_${args.items}`;
  const runDb = 'qd_bench_run';
  const exists = await admin(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [cacheDb])).rowCount === 1,
  );
  if (!marker || !exists) {
    log(`seeding ${args.items.toLocaleString('en')} items into PostgreSQL (${cacheDb}) …`);
    await admin(async (c) => {
      await c.query(`drop database if exists ${cacheDb} with (force)`);
      await c.query(`create database ${cacheDb}`);
    });
    marker = await seed(args.items, { DATABASE_URL: withDatabase(PG_BASE, cacheDb) });
    fs.writeFileSync(markerFile, JSON.stringify(marker));
  }
  if (args.inPlace) {
    // The run's writes land in the cache itself, so it is not reused: the next run seeds again.
    fs.rmSync(markerFile, { force: true });
    const url = withDatabase(PG_BASE, cacheDb);
    const dataDir = path.join(TMP, 'run-postgres');
    fs.mkdirSync(dataDir, { recursive: true });
    return {
      env: { DATABASE_URL: url, QINGDAN_DATA_DIR: dataDir },
      databaseUrl: url,
      dataDir,
      seeding: seedingOf(marker, cached && exists),
      cleanup: async () => {},
    };
  }
  // A template copy is a file-level clone: seconds, even at a million items.
  await admin(async (c) => {
    await c.query(`drop database if exists ${runDb} with (force)`);
    await c.query(`create database ${runDb} template ${cacheDb}`);
  });
  const runDir = path.join(TMP, 'run-postgres');
  fs.mkdirSync(runDir, { recursive: true });
  const url = withDatabase(PG_BASE, runDb);
  return {
    env: { DATABASE_URL: url, QINGDAN_DATA_DIR: runDir },
    databaseUrl: url,
    dataDir: runDir,
    seeding: seedingOf(marker, cached && exists),
    cleanup: async () => {
      await admin((c) => c.query(`drop database if exists ${runDb} with (force)`));
    },
  };
}
