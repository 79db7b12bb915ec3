import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { ANONYMOUS, type Actor } from '../../src/auth/actor.js';
import { actorForUser } from '../../src/users/user.service.js';
import { statsFeature } from '../../src/stats/stats.feature.js';
import { rebuildCounters } from '../../src/stats/stats-rebuild.js';
import { compact } from '../../src/stats/stats-counters.repository.js';
import { bulkSeed } from '../../src/bulk/bulk-seed.js';
import { backfill } from '../../src/db/migrations/20261130T0100-stats-counters.js';
import { lifecycleWalk, randomWrite, rng } from './random-writes.js';

const DIALECTS = await dialects();
const STEPS = Number(process.env.STATS_PROPERTY_STEPS ?? 120);

/**
 * The counters kept by the write hook must give exactly the live figures after any sequence of
 * real writes: random reports, lifecycle actions (assign with co-units, merge, return, reopen …),
 * extensions, sheet imports, department moves and the passing of days.
 */
describe.each(DIALECTS)('statistics counters equal the live counts (%s)', (dialect) => {
  let t: TestApp;
  let admin: Actor;
  let unit: Actor;

  async function expectCountersMatch(step: string) {
    const { stats } = t.kernel.of(statsFeature);
    const cases: Array<[Actor, Record<string, string>]> = [
      [ANONYMOUS, {}],
      [admin, {}],
      [admin, { status: 'assigned,in_progress' }],
      [ANONYMOUS, { status: 'rectified,closed,long_term' }],
      [unit, {}],
    ];
    for (const [actor, q] of cases) {
      const counted = await stats.summary(actor, q);
      const live = await stats.summary(actor, q, { live: true });
      expect({ step, role: actor.role, q, ...counted }).toEqual({ step, role: actor.role, q, ...live });
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    const user = (name: string) =>
      t.tdb.db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    admin = await actorForUser(t.tdb.db, await user('admin'), 'key');
    unit = await actorForUser(t.tdb.db, await user('chengguan'), 'key');
  });
  afterAll(async () => {
    await t.close();
  });

  it('after every step of a random mix of writes', async () => {
    const r = rng(dialect === 'sqlite' ? 6 : 7);
    const codes: string[] = [];
    const done = new Map<string, number>();
    await expectCountersMatch('empty');
    for (const [kind, run] of lifecycleWalk(t, codes)) {
      expect({ kind, ok: await run() }).toEqual({ kind, ok: true });
      await expectCountersMatch(`walk: ${kind}`);
    }
    for (let i = 0; i < STEPS; i++) {
      const [kind, ok] = await randomWrite(t, r, codes);
      if (ok) done.set(kind, (done.get(kind) ?? 0) + 1);
      if (process.env.STATS_PROPERTY_LOG) console.log(i, kind, ok);
      await expectCountersMatch(`${i}: ${kind}${ok ? '' : ' (refused)'}`);
    }
    // The mix reached every write path it means to test.
    const missing = [
      'report',
      'clock',
      'reject',
      'assign',
      'return',
      'merge',
      'extension',
      'import',
      'reparent',
    ].filter((kind) => !done.get(kind));
    expect(missing).toEqual([]);
  }, 240_000);

  it('concurrent writers leave exact counters (no lost update, no deadlock)', async () => {
    const r = rng(3);
    const codes = (
      await t.tdb.db.selectFrom('problems').select('code').where('status', 'in', ['submitted', 'accepted']).execute()
    ).map((x) => x.code);
    const d = Object.values(t.ids.departments);
    await Promise.all([
      ...Array.from({ length: 12 }, () =>
        t.as('shouli', {
          method: 'POST',
          url: '/api/v1/problems',
          payload: {
            title: '并发提交',
            description: '并发写入测试',
            categoryId: r.pick(Object.values(t.ids.categories)),
            tagIds: r.some(Object.values(t.ids.tags), 2),
          },
        }),
      ),
      ...codes.slice(0, 8).map((code) =>
        t.as('shouli', {
          method: 'POST',
          url: `/api/v1/problems/${code}/actions/assign`,
          payload: { leadDepartmentId: r.pick(d), coDepartmentIds: r.some(d, 2) },
        }),
      ),
    ]).then((rs) => expect(rs.filter((x) => x.statusCode >= 500).map((x) => x.body)).toEqual([]));
    await expectCountersMatch('concurrent');
  }, 60_000);

  it('folding the ledger changes no figure', async () => {
    const { stats } = t.kernel.of(statsFeature);
    const before = await stats.summary(admin, {});
    expect(await compact(t.tdb.db, t.kernel.dialect)).toBe(true);
    expect(await t.tdb.db.selectFrom('stats_counters').select('id').where('n', '=', 0).execute()).toEqual([]);
    expect(await stats.summary(admin, {})).toEqual(before);
  });

  it('a bulk seed, then the rebuild, and the migration backfill count the same as live', async () => {
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, { count: 300, months: 3, seed: 5, now: t.clock.now() });
    await rebuildCounters(t.tdb.db, t.kernel.dialect);
    await expectCountersMatch('bulk + rebuild');
    await t.tdb.db.deleteFrom('stats_counters').execute();
    await t.tdb.db.deleteFrom('stats_items').execute();
    await backfill(t.tdb.db);
    await expectCountersMatch('migration backfill');
    // And the hook carries on from rebuilt counters.
    const r = rng(11);
    const codes = (await t.tdb.db.selectFrom('problems').select('code').orderBy('id', 'desc').limit(20).execute()).map(
      (x) => x.code,
    );
    for (let i = 0; i < 10; i++) await randomWrite(t, r, codes);
    await expectCountersMatch('writes after rebuild');
  }, 60_000);
});
