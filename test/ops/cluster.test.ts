import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/test-db.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { killServer, spawnServer, type ServerProcess } from './server-process.js';
import { parsePrometheus, sampleValue } from './prometheus-text.js';

/**
 * Two instances of the server on one PostgreSQL database, started together (migrations and the
 * start-up seed take their locks): a report made on one is read on the other at once, both are
 * ready and expose metrics, and each stops cleanly while the other keeps serving.
 */
describe.runIf(await postgresAvailable())('two instances on one PostgreSQL', () => {
  let tdb: TestDatabase;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let ids: Awaited<ReturnType<typeof seedReference>>;
  beforeAll(async () => {
    tdb = await createTestDatabase('postgres', { migrate: false });
    const env = { DATABASE_URL: tdb.databaseUrl!, QINGDAN_DATA_DIR: tdb.dataDir, QINGDAN_CLUSTER: '1' };
    // One with the scheduler, one without (it refreshes its settings caches by itself).
    [a, b] = await Promise.all([spawnServer(env), spawnServer({ ...env, QINGDAN_JOBS: 'off' })]);
    ids = await seedReference(tdb.db);
  }, 180_000);
  afterAll(async () => {
    await killServer(a);
    await killServer(b);
    await tdb?.destroy();
  });

  it('serves on one what was written on the other, and stops each with exit 0', async () => {
    for (const s of [a!, b!]) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    const res = await fetch(`${a!.url}/api/v1/problems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '两个实例共享一个数据库',
        description: '在一个实例提交，在另一个实例查询',
        categoryId: ids.categories['street-lights'],
        areaId: ids.areas['jz-ss'],
      }),
    });
    expect(res.status).toBe(201);
    const { problem, trackingToken } = await res.json();
    const read = await fetch(`${b!.url}/api/v1/problems/${problem.code}`, {
      headers: { 'x-tracking-token': trackingToken },
    });
    expect(read.status).toBe(200);
    expect((await read.json()).problem.title).toBe('两个实例共享一个数据库');
    const { samples } = parsePrometheus(await (await fetch(`${b!.url}/metrics`)).text());
    expect(sampleValue(samples, 'qingdan_database_up')).toBe(1);
    a!.child.kill('SIGTERM');
    expect(await a!.exited, a!.output()).toBe(0);
    // The other instance keeps serving the same item.
    const still = await fetch(`${b!.url}/api/v1/problems/${problem.code}`, {
      headers: { 'x-tracking-token': trackingToken },
    });
    expect(still.status).toBe(200);
    b!.child.kill('SIGTERM');
    expect(await b!.exited, b!.output()).toBe(0);
  }, 120_000);
});
