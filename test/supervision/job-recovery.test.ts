import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { TestClock } from '../helpers/test-app.js';
import { JobRunner, type Job } from '../../src/jobs/job-runner.js';
import { claimLease } from '../../src/jobs/lease.js';
import { LeaseLostError } from '../../src/jobs/lease-keeper.js';

const DIALECTS = await dialects();
const TTL = 60_000;

/** The job runner's lease over a long run: renewed as it goes, given up when lost, and a crash's period re-run. */
describe.each(DIALECTS)('job leases over long and crashed runs (%s)', (dialect) => {
  let tdb: TestDatabase;
  const clock = new TestClock(new Date('2026-11-02T02:00:00Z'));
  const advance = (ms: number) => {
    clock.current = new Date(clock.current.getTime() + ms);
  };
  let steps = 0;
  let onStep: () => Promise<void> = async () => undefined;
  // A job of ten steps, each "taking" 20 s of the test clock, calling keep() between steps as the warnings pass does.
  const long: Job = {
    name: 'long',
    description: 'ten steps',
    slot: (now) => now.toISOString().slice(0, 13),
    run: async (_now, lease) => {
      for (steps = 0; steps < 10; steps++) {
        advance(20_000);
        await onStep();
        await lease!.keep();
      }
      return { steps };
    },
  };
  let runner: JobRunner;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    runner = new JobRunner(tdb.db, clock.now, [long], 'this-instance');
    runner.leaseMs = TTL;
  });
  afterAll(async () => {
    await tdb.destroy();
  });
  const lease = () => tdb.db.selectFrom('job_leases').selectAll().where('name', '=', 'long').executeTakeFirstOrThrow();
  const runs = () => tdb.db.selectFrom('job_runs').selectAll().where('name', '=', 'long').orderBy('id').execute();

  it('renews the lease through a run three times longer than it', async () => {
    const out = await runner.run('long', { scheduled: true });
    expect(out).toMatchObject({ ran: true, result: { steps: 10 } });
    const [run] = await runs();
    expect(run.status).toBe('ok');
    expect(JSON.parse(run.result!).leaseRenewals).toBeGreaterThanOrEqual(5);
    expect(await lease()).toMatchObject({ slot: '2026-11-02T02', expires_at: '1970-01-01T00:00:00.000Z' });
    expect(await runner.run('long', { scheduled: true })).toEqual({ ran: false, reason: 'slot_done' });
  });

  it('re-runs the period of an instance that crashed mid-run, once its lease has expired', async () => {
    clock.set('2026-11-02T03:00:00Z');
    // A crashed instance: it claimed the period and started its run, and never finished either.
    expect(await claimLease(tdb.db, 'long', 'crashed', clock.now(), TTL, '2026-11-02T03')).toBe(true);
    await tdb.db
      .insertInto('job_runs')
      .values({
        name: 'long',
        holder: 'crashed',
        slot: '2026-11-02T03',
        status: 'running',
        result: null,
        started_at: clock.now().toISOString(),
        finished_at: null,
      })
      .execute();
    advance(30_000);
    expect(await runner.run('long', { scheduled: true })).toEqual({ ran: false, reason: 'lease_held' });
    advance(TTL);
    expect(await runner.run('long', { scheduled: true })).toMatchObject({ ran: true, result: { steps: 10 } });
    const mine = (await runs()).filter((r) => r.slot === '2026-11-02T03');
    expect(mine.map((r) => [r.holder, r.status])).toEqual([
      ['crashed', 'abandoned'],
      ['this-instance', 'ok'],
    ]);
    expect(await runner.run('long', { scheduled: true })).toEqual({ ran: false, reason: 'slot_done' });
  });

  it('stops a run whose lease another instance took over, and leaves the period to it', async () => {
    clock.set('2026-11-02T04:00:00Z');
    onStep = async () => {
      if (steps !== 3) return;
      advance(2 * TTL); // stalled past its lease: another instance claims the period meanwhile
      expect(await claimLease(tdb.db, 'long', 'other', clock.now(), TTL, '2026-11-02T04')).toBe(true);
    };
    await expect(runner.run('long', { scheduled: true })).rejects.toBeInstanceOf(LeaseLostError);
    onStep = async () => undefined;
    expect(steps).toBe(3);
    const last = (await runs()).at(-1)!;
    expect(last.status).toBe('lost');
    // The lease is still the other instance's, and the period is not marked done by the loser.
    expect(await lease()).toMatchObject({ holder: 'other', slot: '2026-11-02T03' });
  });
});
