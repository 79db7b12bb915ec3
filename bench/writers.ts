/**
 * Concurrent creates on PostgreSQL (issue #17 point 7): two server processes on one fresh database,
 * `--writers` closed-loop clients (default 6) split between them, each POSTing new items for
 * `--duration` seconds. Reports creates/s over both instances. The figure shows whether writes queue
 * on shared rows (the code counter, the audit chain's head) or run side by side.
 *
 *   npx tsx bench/writers.ts [--writers 6] [--duration 15]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedReference } from '../src/demo/demo-seed.js';
import { mulberry32 } from '../src/demo/demo-random.js';
import { reportBodies } from './scenarios/intake.js';
import { startQingdan, type ServerProcess } from './lib/server-process.js';
import type { BenchSample } from './lib/sample.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const writers = arg('writers', 6);
const seconds = arg('duration', 15);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `qd_writers_${process.pid}`;
const url = new URL(admin);
url.pathname = `/${name}`;
const databaseUrl = url.toString();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-writers-'));

const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`create database ${name}`);
const servers: ServerProcess[] = [];
try {
  const { db } = createDb({ databaseUrl, dataDir, poolSize: 2 });
  await migrateToLatest(db);
  const ids = await seedReference(db);
  await db.destroy();
  const env = {
    DATABASE_URL: databaseUrl,
    QINGDAN_DATA_DIR: dataDir,
    QINGDAN_AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
    QINGDAN_PUBLIC_SUBMIT_PER_MINUTE: '1000000',
    QINGDAN_JOBS: '0',
  };
  servers.push(...(await Promise.all([startQingdan(env, 120_000), startQingdan(env, 120_000)])));
  const sample = {
    categoryIds: Object.values(ids.categories),
    areaIds: Object.values(ids.areas),
    rnd: mulberry32(1),
  } as unknown as BenchSample;
  const bodies = reportBodies(sample);
  let i = 0;
  const run = (server: ServerProcess, connections: number, duration: number) =>
    autocannon({
      url: server.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/problems',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
        },
      ],
    });
  const split = (n: number) => [Math.ceil(n / 2), Math.floor(n / 2)];
  await Promise.all(servers.map((s, k) => run(s, split(writers)[k] || 1, 2))); // warm-up
  const results = await Promise.all(servers.map((s, k) => run(s, split(writers)[k], seconds)));
  const ok = results.reduce((n, r) => n + r.requests.total - r.non2xx, 0);
  const failed = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  console.log(
    JSON.stringify({ writers, seconds, createsPerSecond: Math.round(ok / seconds), failed, p99ms: p99 }, null, 0),
  );
} finally {
  for (const s of servers) await s.stop();
  await adminClient.query(`drop database if exists ${name} with (force)`);
  await adminClient.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
