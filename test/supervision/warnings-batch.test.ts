import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bulkSeed } from '../../src/bulk/bulk-seed.js';
import { recomputeWarning } from '../../src/supervision/warnings.service.js';
import { recomputeAllWarnings } from '../../src/supervision/warnings-batch.js';
import { WARNING_STATES } from '../../src/supervision/warning-level.js';
import { claimLease } from '../../src/jobs/lease.js';
import { LeaseKeeper, LeaseLostError } from '../../src/jobs/lease-keeper.js';
import { rt } from './helpers.js';

const DIALECTS = await dialects();

/**
 * The batched warnings pass against the one-item recomputation it replaces for the scheduled job:
 * same stored values, same timeline events, same notices, on a city of bulk-seeded items given
 * milestone plans and parent items (children before and after their parent, within and across batches).
 */
describe.each(DIALECTS)('the batched warnings pass (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
    const db = t.tdb.db;
    t.clock.set('2026-11-02T02:00:00Z');
    await bulkSeed(db, t.kernel.dialect, t.config, { count: 240, months: 3, seed: 17, now: t.clock.now() });
    const rows = await db.selectFrom('problems').select(['id', 'status']).orderBy('id').execute();
    const open = rows.filter((r) => WARNING_STATES.includes(r.status as never)).map((r) => r.id);
    // Plans on every third open item: one milestone missed, one behind, one done.
    for (const [i, id] of open.entries()) {
      if (i % 3) continue;
      await db
        .insertInto('milestones')
        .values(
          [
            { problem_id: id, name: 'a', due_date: '2026-11-04', weight: 1, done_at: null, sort: 0 },
            { problem_id: id, name: 'b', due_date: `2026-12-${String(1 + (i % 27)).padStart(2, '0')}`, weight: 2 },
            { problem_id: id, name: 'c', due_date: '2026-10-20', weight: 1, done_at: i % 2 ? '2026-10-19' : null },
          ].map((m, sort) => ({ done_at: null, ...m, sort, created_by: null, created_at: '2026-10-01T00:00:00Z' })),
        )
        .execute();
    }
    // Parents: every 10th item takes the next two items and one three before it as children.
    for (let i = 5; i < rows.length - 2; i += 10) {
      const parent = rows[i].id;
      const kids = [rows[i - 3].id, rows[i + 1].id, rows[i + 2].id];
      await db.updateTable('problems').set({ parent_id: parent }).where('id', 'in', kids).execute();
    }
    // A first pass so the stored values differ from the next day's in some ways and not others.
    for (const r of rows) await db.transaction().execute((trx) => recomputeWarning(rt(t), trx, r.id));
  });
  afterAll(async () => {
    await t.close();
  });

  const state = async () => {
    const s = await t.tdb.db.selectFrom('item_supervision').selectAll().orderBy('problem_id').execute();
    return s.map(({ computed_at: _, ...r }) => r);
  };
  const restore = async (rows: Awaited<ReturnType<typeof state>>) => {
    await t.tdb.db.deleteFrom('item_supervision').execute();
    for (let i = 0; i < rows.length; i += 200)
      await t.tdb.db
        .insertInto('item_supervision')
        .values(rows.slice(i, i + 200).map((r) => ({ ...r, computed_at: null })))
        .execute();
  };
  const since = async (eventId: number) => {
    const evs = await t.tdb.db
      .selectFrom('events')
      .select(['problem_id', 'payload', 'created_at'])
      .where('id', '>', eventId)
      .where('action', '=', 'warning')
      .orderBy('problem_id')
      .execute();
    const notes = await t.tdb.db.selectFrom('notifications').select(['title', 'body']).where('kind', '=', 'warning');
    return { evs, notes: (await notes.execute()).map((n) => `${n.title}|${n.body}`).sort() };
  };
  const lastEvent = async () =>
    (
      await t.tdb.db
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0;

  it('stores, records and notifies exactly what the one-item path does', async () => {
    const db = t.tdb.db;
    t.clock.set('2026-11-16T03:00:00Z'); // two weeks on: plans fall behind, deadlines near, reports lapse
    const before = await state();
    await db.deleteFrom('notifications').where('kind', '=', 'warning').execute();
    const ids = await db.selectFrom('problems').select('id').orderBy('id').execute();
    const e0 = Number(await lastEvent());
    for (const { id } of ids) await db.transaction().execute((trx) => recomputeWarning(rt(t), trx, id));
    const oneByOne = { rows: await state(), ...(await since(e0)) };
    expect(oneByOne.evs.length).toBeGreaterThan(5);
    await restore(before);
    await db.deleteFrom('notifications').where('kind', '=', 'warning').execute();
    const e1 = Number(await lastEvent());
    const pass = await recomputeAllWarnings(rt(t), { batchSize: 7 });
    const batched = { rows: await state(), ...(await since(e1)) };
    expect(batched).toEqual(oneByOne);
    expect(pass.changed).toBe(oneByOne.evs.length);
    // A parent read its later children's plans as they stood; the next pass catches it up, the one after
    // finds nothing to write.
    expect(await recomputeAllWarnings(rt(t), { batchSize: 50 })).toMatchObject({ changed: 0 });
    expect(await recomputeAllWarnings(rt(t), { batchSize: 50 })).toMatchObject({ changed: 0, written: 0 });
  });

  it('gives the same results when a pass stopped mid-way is run again from the start', async () => {
    t.clock.set('2026-11-19T03:00:00Z');
    const before = await state();
    const fullPass = await recomputeAllWarnings(rt(t), { batchSize: 10 });
    const full = await state();
    await restore(before);
    let batches = 0;
    const crash = async () => {
      if (++batches === 3) throw new Error('instance died');
    };
    await expect(recomputeAllWarnings(rt(t), { batchSize: 10, between: crash })).rejects.toThrow('instance died');
    const partial = await state();
    expect(partial).not.toEqual(full);
    expect(partial).not.toEqual(before); // the first three batches committed
    const rerun = await recomputeAllWarnings(rt(t), { batchSize: 10 });
    expect(await state()).toEqual(full);
    // Items done before the crash are found unchanged and not written again.
    expect(rerun.written).toBeLessThan(fullPass.written);
  });

  it('renews its lease between batches and stops when another run has taken it', async () => {
    const db = t.tdb.db;
    t.clock.set('2026-11-17T03:00:00Z');
    const ttl = 60_000;
    expect(await claimLease(db, 'warnings-test', 'me', t.clock.now(), ttl, null)).toBe(true);
    const keeper = new LeaseKeeper(
      db,
      'warnings-test',
      'me',
      t.clock.now,
      ttl,
      new Date(t.clock.now().getTime() + ttl),
    );
    const tick = async () => {
      t.clock.current = new Date(t.clock.current.getTime() + 20_000); // each batch "takes" 20 s
      await keeper.keep();
    };
    const pass = await recomputeAllWarnings(rt(t), { batchSize: 10, between: tick });
    expect(pass.batches).toBeGreaterThan(4);
    expect(keeper.renewals).toBeGreaterThan(pass.batches / 3);
    const lease = await db.selectFrom('job_leases').selectAll().where('name', '=', 'warnings-test').executeTakeFirst();
    expect(new Date(lease!.expires_at).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Stalled past its lease: another instance claims it, and the run stops at its next batch.
    t.clock.current = new Date(t.clock.current.getTime() + 2 * ttl);
    expect(await claimLease(db, 'warnings-test', 'other', t.clock.now(), ttl, null)).toBe(true);
    await expect(keeper.keep()).rejects.toBeInstanceOf(LeaseLostError);
  });
});
