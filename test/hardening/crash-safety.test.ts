import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, createTestDatabase, type TestDatabase, verifyCityChain } from '../helpers/test-db.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { hashPassword, digest, randomToken } from '../../src/auth/secrets.js';
import { mulberry32 } from '../../src/demo/demo-random.js';
import { startQingdan, type ServerProcess } from '../../bench/lib/server-process.js';
import { driveTraffic, inconsistentItems } from './crash-driver.js';
import { searchIds } from '../../src/search/search.service.js';
import { fullTextFor } from '../../src/search/full-text.js';

/**
 * The real server as a child process, killed with SIGKILL at a random moment under concurrent
 * writes, then restarted: everything it acknowledged must still be there, whole.
 * `npm test` runs a few kill points per database; `npm run soak` (SOAK=1) runs many more.
 */
const DIALECTS = await dialects();
const SOAK = process.env.SOAK === '1';
const ROUNDS = SOAK ? 12 : 3;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

describe.each(DIALECTS)('crash safety under SIGKILL (%s)', (dialect) => {
  let tdb: TestDatabase;
  let server: ServerProcess | undefined;
  let env: Record<string, string>;
  const adminKey = randomToken('qdk_');
  let departments: Record<string, number>;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const ids = await seedReference(tdb.db);
    departments = ids.departments;
    await tdb.db
      .insertInto('users')
      .values({
        username: 'admin',
        display_name: '管理员',
        password_hash: await hashPassword('crash-test-pw'),
        role: 'admin',
        department_id: null,
        email: null,
        phone: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    await tdb.db
      .insertInto('api_keys')
      .values({
        name: 'crash',
        prefix: adminKey.slice(0, 10),
        key_hash: digest(adminKey),
        role: 'admin',
        department_id: null,
        created_by: null,
        created_at: new Date().toISOString(),
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    env = {
      QINGDAN_DATA_DIR: tdb.dataDir,
      DATABASE_URL: tdb.databaseUrl ?? '',
      QINGDAN_PUBLIC_SUBMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
    };
    server = await startQingdan(env);
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    await tdb?.destroy();
  });

  it(
    `keeps every acknowledged write whole across ${ROUNDS} kills (seed ${seed})`,
    async () => {
      const rnd = mulberry32(seed + (dialect === 'postgres' ? 1 : 0));
      const acknowledged = new Map<string, string[]>();
      for (let round = 0; round < ROUNDS; round++) {
        const traffic = driveTraffic(server!.url, { clients: 6, adminKey, departments, rnd });
        // A random moment once writes are flowing: early, mid-transaction, or after many commits.
        for (let waited = 0; traffic.ack.items.size === 0 && waited < 20_000; waited += 10)
          await new Promise((r) => setTimeout(r, 10));
        const killAfter = Math.floor(rnd() * (SOAK ? 3000 : 800));
        await new Promise((r) => setTimeout(r, killAfter));
        await server!.kill();
        await traffic.stop();
        for (const [code, actions] of traffic.ack.items)
          acknowledged.set(code, [...(acknowledged.get(code) ?? []), ...actions]);
        const context =
          `round ${round}, killed ${killAfter} ms after the first acknowledged item, ` +
          `${traffic.ack.items.size} items acknowledged`;
        expect(traffic.ack.items.size, context).toBeGreaterThan(0);

        // Every acknowledged item and action is stored; nothing exists without its creation event.
        const rows = await tdb.db
          .selectFrom('problems')
          .select(['id', 'code'])
          .where('code', 'in', [...acknowledged.keys()])
          .execute();
        expect(rows.length, context).toBe(acknowledged.size);
        const events = await tdb.db
          .selectFrom('events')
          .select(['problem_id', 'action'])
          .where(
            'problem_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        for (const row of rows) {
          const stored = events.filter((e) => e.problem_id === row.id).map((e) => e.action);
          for (const action of new Set(acknowledged.get(row.code))) {
            const want = acknowledged.get(row.code)!.filter((a) => a === action).length;
            expect(
              stored.filter((a) => a === action).length,
              `${row.code} ${action} (${context})`,
            ).toBeGreaterThanOrEqual(want);
          }
        }
        expect(await inconsistentItems(tdb.db), context).toEqual([]);
        const chain = await verifyCityChain(tdb);
        expect(chain, context).toMatchObject({ ok: true });

        // The restarted server recovers the database and carries on writing to the same chain.
        server = await startQingdan(env);
        // Search indexing happens after commit: what the killed server left queued is indexed by
        // the next one before it serves, so every acknowledged item is found by its code.
        expect(await tdb.db.selectFrom('search_queue').select('problem_id').execute(), context).toEqual([]);
        for (const row of rows)
          expect(
            await searchIds(tdb.db, fullTextFor(tdb.engine), row.code, { publicOnly: false }),
            `${row.code} (${context})`,
          ).toContain(row.id);
        const res = await fetch(`${server.url}/api/v1/problems`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: '重启后的新问题', description: '重启后继续受理' }),
        });
        expect(res.status, context).toBe(201);
      }
      expect((await verifyCityChain(tdb)).ok).toBe(true);
    },
    SOAK ? 900_000 : 120_000,
  );
});
