import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { killServer, spawnServer, type ServerProcess } from './server-process.js';

/**
 * A SIGTERM in the middle of a burst of submissions: the server stops taking connections, finishes
 * what it accepted, stops its indexer, scheduler and notifier, closes the database and exits 0.
 * Every submission it acknowledged (201) is in the database afterwards.
 */
describe.each(await dialects())('a clean stop on %s', (dialect) => {
  let tdb: TestDatabase;
  let server: ServerProcess | undefined;
  let ids: Awaited<ReturnType<typeof seedReference>>;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    ids = await seedReference(tdb.db);
  });
  afterAll(async () => {
    await killServer(server);
    await tdb?.destroy();
  });

  it('drains in-flight submissions, loses none it acknowledged, and exits 0', async () => {
    server = await spawnServer({
      DATABASE_URL: tdb.databaseUrl ?? '',
      QINGDAN_DATA_DIR: tdb.dataDir,
      QINGDAN_JOBS: '1',
    });
    const submit = (i: number) =>
      fetch(`${server!.url}/api/v1/problems`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `停机测试 ${i}`,
          description: '优雅停机时已确认的提交不能丢失',
          categoryId: ids.categories['street-lights'],
          areaId: ids.areas['jz-ss'],
        }),
      }).then(
        async (res) => ({ status: res.status, code: res.status === 201 ? (await res.json()).problem.code : null }),
        (err: Error) => ({ status: 0, code: null, error: err.message }),
      );
    const first = submit(0);
    const burst = Array.from({ length: 40 }, (_, i) => submit(i + 1));
    expect((await first).status).toBe(201);
    server.child.kill('SIGTERM');
    const later = Array.from({ length: 5 }, (_, i) => submit(100 + i));
    const results = [await first, ...(await Promise.all(burst)), ...(await Promise.all(later))];
    expect(await server.exited, server.output()).toBe(0);
    expect(server.output()).not.toMatch(/destroyed|Error/);
    // Every answer is an acknowledgement, a 503 "closing", or a refused connection: nothing else.
    for (const r of results) expect([0, 201, 503]).toContain(r.status);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.code as string);
    const stored = await tdb.db.selectFrom('problems').select('code').execute();
    expect(new Set(stored.map((s) => s.code))).toEqual(new Set(acknowledged));
  }, 120_000);
});
