// The production path as an operator takes it, on a fresh clone of this checkout's commit:
// `npm ci --omit=dev && npm run build`, then `npm run start:prod` on SQLite and on PostgreSQL.
// Checks: no development package is installed, /livez, /readyz, /metrics, the UI, no demo account,
// and SIGTERM exits 0. CI runs it (.ci/run); `node scripts/check-production.mjs` runs it by hand.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-prod-'));
const clone = path.join(work, 'qingdan');
const say = (m) => process.stdout.write(`[production] ${m}\n`);
const fail = (m) => {
  throw new Error(m);
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: clone, stdio: ['ignore', 'inherit', 'inherit'] });

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitReady(url, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) fail(`the server exited with ${child.exitCode} before it was ready`);
    const res = await fetch(`${url}/readyz`).catch(() => null);
    if (res?.status === 200) return res.json();
    await new Promise((r) => setTimeout(r, 500));
  }
  fail('not ready within 60 s');
}

async function startAndProbe(label, env) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const log = fs.openSync(path.join(work, `${label}.log`), 'w');
  const child = spawn('npm', ['run', 'start:prod'], {
    cwd: clone,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      QINGDAN_DATA_DIR: dataDir,
      QINGDAN_AUDIT_KEY: 'production-check-key-0123456789abcdef',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  try {
    const ready = await waitReady(url, child);
    if (!ready.ready) fail(`/readyz: ${JSON.stringify(ready)}`);
    if ((await fetch(`${url}/livez`)).status !== 200) fail('/livez is not 200');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    if (!/^# TYPE qingdan_http_request_duration_seconds histogram$/m.test(metrics))
      fail('/metrics lacks the request histogram');
    const page = await fetch(`${url}/`);
    if (page.status !== 200 || !(await page.text()).includes('<div id="root">')) fail('/ does not serve the built UI');
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'qingdan2026' }),
    });
    if (login.status === 200) fail('the demo account logs in: production seeded demo data');
    say(`${label}: ready ${JSON.stringify(ready.checks)}, /livez, /metrics, UI, no demo login (${login.status})`);
  } finally {
    child.kill('SIGTERM');
    const code = child.exitCode ?? (await new Promise((r) => child.once('exit', r)));
    if (code !== 0) {
      process.stdout.write(fs.readFileSync(path.join(work, `${label}.log`), 'utf8'));
      fail(`${label}: SIGTERM ended in exit ${code}, not 0`);
    }
    say(`${label}: SIGTERM → exit 0`);
  }
}

try {
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone]);
  run('git', ['checkout', '--quiet', commit]);
  say(`fresh clone of ${commit.slice(0, 7)} in ${clone}`);
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund']);
  for (const dev of ['typescript', 'vitest', '@biomejs/biome'])
    if (fs.existsSync(path.join(clone, 'node_modules', dev))) fail(`${dev} is installed by npm ci --omit=dev`);
  run('npm', ['run', 'build']);
  await startAndProbe('sqlite', {});
  const pgBase = process.env.PRODUCTION_CHECK_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `qd_production_check_${process.pid}`;
  const admin = async (statement) => {
    const c = new pg.Client({ connectionString: pgBase });
    await c.connect();
    await c.query(statement).finally(() => c.end());
  };
  await admin(`create database ${dbName}`);
  try {
    const u = new URL(pgBase);
    u.pathname = `/${dbName}`;
    await startAndProbe('postgres', {
      DATABASE_URL: u.toString(),
      QINGDAN_CLUSTER: '1',
      QINGDAN_ATTACHMENTS: 'database',
    });
  } finally {
    await admin(`drop database if exists ${dbName} with (force)`);
  }
  say('passed');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
