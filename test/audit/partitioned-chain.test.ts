import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { takeCheckpoint } from '../../src/audit/partition-checkpoints.js';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

/**
 * Migration 20261207T0510 partitions the item chain from the next event on: events written before
 * it keep their single chain and still verify, items from then continue per item, and tampering on
 * either side of the boundary is still found.
 */
describe.each(await dialects())('the item chain across its partitioning (%s)', (dialect) => {
  let t: TestApp;
  let old: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // A city from before the migration: no boundary, so appends take the single chain.
    await sql`update audit_head set partitioned_from = null`.execute(t.tdb.db);
    old = (await reportProblem(t)).code;
    await act(t, 'shouli', old, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await reportProblem(t);
    // What the migration does, then the new release writes to old and new items.
    await sql`update audit_head set partitioned_from = last_event_id + 1`.execute(t.tdb.db);
    await act(t, 'chengguan', old, 'sign');
    const fresh = (await reportProblem(t)).code;
    await act(t, 'shouli', fresh, 'assign', { leadDepartmentId: t.ids.departments.urban });
  });
  afterAll(async () => {
    await t.close();
  });

  const events = () => t.tdb.db.selectFrom('events').selectAll().orderBy('id').execute();

  it('verifies the old single chain and the new per-item links together', async () => {
    const all = await events();
    const head = await t.tdb.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(all.some((e) => e.id < head.partitioned_from!)).toBe(true);
    expect(all.some((e) => e.id >= head.partitioned_from!)).toBe(true);
    expect(await verifyChain(t.tdb.db)).toMatchObject({ ok: true, checked: all.length, lastId: all.at(-1)!.id });
  });

  it('finds an edited old event and an edited new one', async () => {
    const head = await t.tdb.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    for (const victim of [(await events())[0], (await events()).at(-1)!]) {
      await sql`update events set reason = 'edited' where id = ${victim.id}`.execute(t.tdb.db);
      const r = await verifyChain(t.tdb.db);
      expect(r.ok).toBe(false);
      expect(r.firstBreak).toMatchObject({ eventId: victim.id, reason: 'content_changed' });
      await sql`update events set reason = ${victim.reason} where id = ${victim.id}`.execute(t.tdb.db);
    }
    expect(head.partitioned_from).toBeGreaterThan(1);
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });

  it("finds an item's deleted last event", async () => {
    const last = (await events()).at(-1)!;
    await sql`delete from events where id = ${last.id}`.execute(t.tdb.db);
    const r = await verifyChain(t.tdb.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak?.message).toContain('events were removed from the end');
    await t.tdb.db.insertInto('events').values(last).execute();
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });

  it('keeps every link under concurrent writes to different items and to one', async () => {
    const reported = await Promise.all(Array.from({ length: 6 }, () => reportProblem(t)));
    await Promise.all([
      ...reported.map(({ code }) => act(t, 'shouli', code, 'accept')),
      ...Array.from({ length: 3 }, () => act(t, 'shouli', reported[0].code, 'accept')),
    ]);
    expect(await verifyChain(t.tdb.db)).toMatchObject({ ok: true, checked: (await events()).length });
  });

  it('chains the partitions with checkpoints that notice a history removed with its item head', async () => {
    const taken = await takeCheckpoint(t.tdb.db, t.kernel.dialect, '2026-11-02T03:00:00Z');
    expect(taken?.items).toBeGreaterThanOrEqual(8);
    expect(await takeCheckpoint(t.tdb.db, t.kernel.dialect, '2026-11-02T03:10:00Z')).toBeNull();
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
    // An attacker removes an item's newest event and sets its head back to the event before it.
    const all = await events();
    const last = all.at(-1)!;
    const before = all.filter((e) => e.problem_id === last.problem_id).at(-2)!;
    await sql`delete from events where id = ${last.id}`.execute(t.tdb.db);
    await t.tdb.db
      .updateTable('audit_item_heads')
      .set({ last_event_id: before.id, last_hash: before.hash })
      .where('problem_id', '=', last.problem_id)
      .execute();
    const r = await verifyChain(t.tdb.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak?.message).toMatch(/audit checkpoint \d+ .* no longer holds/);
  });
});
