import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dialects } from '../helpers/test-db.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { TestClock } from '../helpers/test-app.js';
import { parseConfig } from '../../src/config.js';
import { buildApp } from '../../src/app.js';
import { createDb, type Db } from '../../src/db/database.js';
import { seedReference } from '../../src/demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/demo-reference.js';
import { hashPassword } from '../../src/auth/secrets.js';
import { claimLease } from '../../src/jobs/lease.js';
import { jobsFeature } from '../../src/jobs/jobs.feature.js';

const DIALECTS = await dialects();

/** Two app instances, each with its own connection pool, on one database: as two servers would be. */
describe.each(DIALECTS)('jobs across two instances on one database (%s)', (dialect) => {
  let tdb: TestDatabase;
  const clock = new TestClock(new Date('2026-11-02T02:00:00Z'));
  const apps: FastifyInstance[] = [];
  const pools: Db[] = [];
  let ids: Awaited<ReturnType<typeof seedReference>>;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    ids = await seedReference(tdb.db);
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      await tdb.db
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hash,
          role: u.role,
          department_id: 'dept' in u ? ids.departments[u.dept] : null,
          email: null,
          phone: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: clock.now().toISOString(),
        })
        .execute();
    }
    const config = parseConfig(
      {},
      {
        dataDir: tdb.dataDir,
        databaseUrl: tdb.databaseUrl,
        logLevel: 'silent',
        webDir: '/nonexistent',
        sessionDays: 3650,
      },
    );
    for (let i = 0; i < 2; i++) {
      const { db } = createDb({
        databaseUrl: tdb.databaseUrl,
        dataDir: tdb.dataDir,
        sqliteFile: tdb.sqliteFile,
        poolSize: 3,
      });
      pools.push(db);
      apps.push(await buildApp(config, { db, clock: clock.now, logger: false }));
    }
    for (const u of ['shouli', 'chengguan']) {
      const res = await apps[0].inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: u, password: DEMO_PASSWORD },
      });
      cookie[u] = `qd_session=${res.cookies.find((c) => c.name === 'qd_session')!.value}`;
    }
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const p of pools) await p.destroy();
    await tdb.destroy();
  });

  async function overdueItem(app: FastifyInstance) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '井盖缺失', description: '人民路井盖缺失，夜间危险' },
    });
    const code = created.json().problem.code;
    await app.inject({
      method: 'POST',
      url: `/api/v1/problems/${code}/actions/assign`,
      headers: { cookie: cookie.shouli },
      payload: { leadDepartmentId: ids.departments.urban, deadline: '2026-11-03' },
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/problems/${code}/actions/sign`,
      headers: { cookie: cookie.chengguan },
    });
    return code as string;
  }

  it('runs a scheduled period once, whichever instance gets there first', async () => {
    clock.set('2026-11-02T02:00:00Z');
    await overdueItem(apps[0]);
    await overdueItem(apps[1]);
    clock.set('2026-11-05T01:00:00Z');
    const [a, b] = [apps[0].kernel.of(jobsFeature), apps[1].kernel.of(jobsFeature)];
    expect(a.runner.holder).not.toBe(b.runner.holder);
    const outcomes = await Promise.all([
      a.runner.run('reminders', { scheduled: true }),
      b.runner.run('reminders', { scheduled: true }),
    ]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    // Later ticks in the same period, on either instance, find it done.
    expect(await a.runner.run('reminders', { scheduled: true })).toEqual({ ran: false, reason: 'slot_done' });
    expect(await b.runner.run('reminders', { scheduled: true })).toEqual({ ran: false, reason: 'slot_done' });
    const runs = await tdb.db.selectFrom('job_runs').selectAll().where('name', '=', 'reminders').execute();
    expect(runs).toHaveLength(1);
    const reminders = await tdb.db
      .selectFrom('supervision_actions')
      .select('problem_id')
      .where('kind', '=', 'reminder')
      .execute();
    expect(reminders).toHaveLength(2);
    expect(new Set(reminders.map((r) => r.problem_id)).size).toBe(2);
  });

  it('runs every job once per period when both schedulers tick together', async () => {
    clock.set('2026-11-06T01:00:00Z');
    await Promise.all([
      apps[0].kernel.of(jobsFeature).scheduler.tick(),
      apps[1].kernel.of(jobsFeature).scheduler.tick(),
    ]);
    const runs = await tdb.db
      .selectFrom('job_runs')
      .select(['name', 'slot'])
      .where('started_at', '>=', '2026-11-06')
      .execute();
    const byName = runs.reduce<Record<string, number>>((acc, r) => {
      acc[r.name] = (acc[r.name] ?? 0) + 1;
      return acc;
    }, {});
    // Every feature's jobs, each once (supervision's warnings, reminders and weekly reports among them).
    expect(byName).toEqual(Object.fromEntries(apps[0].kernel.jobs.map((j) => [j.name, 1])));
    expect(byName).toMatchObject({ warnings: 1, reminders: 1, 'weekly-reports': 1, notifications: 1 });
    // Two SQLite connections in one process: a job waiting on the other's write lock busy-waits the
    // whole thread, so every feature's jobs in turn take tens of seconds on a loaded machine.
  }, 90_000);

  it('lets exactly one of many concurrent claimants take a free lease', async () => {
    const now = new Date('2026-11-07T01:00:00Z');
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claimLease(pools[i % 2], 'race', `holder-${i}`, now, 60_000, '2026-11-07')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('makes a manual run wait for a held lease, and takes over an expired one', async () => {
    const b = apps[1].kernel.of(jobsFeature);
    clock.set('2026-11-07T02:00:00Z');
    expect(await claimLease(pools[0], 'warnings', 'crashed-instance', clock.now(), 5 * 60_000, null)).toBe(true);
    expect(await b.runner.run('warnings')).toEqual({ ran: false, reason: 'lease_held' });
    clock.advanceHours(1); // the crashed holder's lease has expired
    expect((await b.runner.run('warnings')).ran).toBe(true);
  });
});
