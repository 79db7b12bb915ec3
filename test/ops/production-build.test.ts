import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { killServer, ROOT, spawnServer, type ServerProcess } from './server-process.js';

/**
 * The production build: compiled JavaScript run by plain node (no tsx loader), NODE_ENV=production.
 * It serves, reports ready, refuses the demo city, and stops cleanly. CI's `npm run build` compiles
 * dist/ before the tests; locally it is compiled here when missing or older than the sources.
 */
const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// Production needs the audit key from outside the database (issue #16, finding 8).
const PROD = {
  NODE_ENV: 'production',
  NODE_OPTIONS: '',
  QINGDAN_AUDIT_KEY: 'production-build-test-audit-key-0123456789',
};

describe.each(await dialects())('the compiled server on %s', (dialect) => {
  let tdb: TestDatabase;
  let server: ServerProcess | undefined;
  let ids: Awaited<ReturnType<typeof seedReference>>;
  beforeAll(async () => {
    if (!fs.existsSync(MAIN) || fs.statSync(MAIN).mtimeMs < newestSource(path.join(ROOT, 'src'))) {
      execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    tdb = await createTestDatabase(dialect);
    ids = await seedReference(tdb.db);
  }, 300_000);
  afterAll(async () => {
    await killServer(server);
    await tdb?.destroy();
  });
  const env = () => ({ DATABASE_URL: tdb.databaseUrl ?? '', QINGDAN_DATA_DIR: tdb.dataDir });

  it('refuses to seed the demo city in production', () => {
    const r = spawnSync(process.execPath, [MAIN, 'serve', '--demo'], {
      cwd: ROOT,
      env: { ...process.env, ...PROD, ...env() },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('QINGDAN_DEMO is refused with NODE_ENV=production');
  });

  it('serves from dist/ without tsx, takes a report, and stops with exit 0', async () => {
    server = await spawnServer({ ...PROD, ...env() }, [MAIN, 'serve']);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const res = await fetch(`${server.url}/api/v1/problems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '生产构建测试',
        description: '编译后的服务接收一条反映',
        categoryId: ids.categories['street-lights'],
        areaId: ids.areas['jz-ss'],
      }),
    });
    expect(res.status).toBe(201);
    // A listening server adds the process metrics (memory, CPU, event loop) to its own.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('process_resident_memory_bytes');
    server.child.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).not.toMatch(/tsx|\.ts:/);
  }, 120_000);
});
