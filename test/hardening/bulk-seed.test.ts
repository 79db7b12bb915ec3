import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { bulkSeed } from '../../src/bulk/bulk-seed.js';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { STATES } from '../../src/lifecycle/lifecycle.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('bulk seeding (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await reportProblem(t); // an item written the normal way first: bulk continues its numbering and chain
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, {
      count: 1200,
      batchSize: 400,
      worker: false,
      now: t.clock.now(),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves an audit chain that verifies and items in every state', async () => {
    const chain = await verifyChain(t.tdb.db);
    expect(chain.ok).toBe(true);
    const rows = await t.tdb.db
      .selectFrom('problems')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(1201);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATES));
    expect(chain.checked).toBeGreaterThan(1201 * 4);
  });

  it('gives every item its creation event first and a status matching its history', async () => {
    const db = t.tdb.db;
    const orphans = await db
      .selectFrom('problems')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('events')
              .select('events.id')
              .whereRef('events.problem_id', '=', 'problems.id')
              .where('events.action', '=', 'submit'),
          ),
        ),
      )
      .execute();
    expect(orphans).toEqual([]);
    const firstNotSubmit = await db
      .selectFrom('events as e')
      .select('e.problem_id')
      .where(
        'e.id',
        'in',
        db
          .selectFrom('events')
          .select((eb) => eb.fn.min('id').as('id'))
          .groupBy('problem_id'),
      )
      .where('e.action', '!=', 'submit')
      .execute();
    expect(firstNotSubmit).toEqual([]);
    // The last event that set a state is the item's status; updated_at is the last event's time.
    const sample = await db
      .selectFrom('problems')
      .select(['id', 'status', 'updated_at'])
      .orderBy('id')
      .limit(300)
      .execute();
    for (const p of sample) {
      const evs = await db
        .selectFrom('events')
        .select(['to_state', 'created_at', 'action'])
        .where('problem_id', '=', p.id)
        .orderBy('id')
        .execute();
      const sorted = [...evs].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
      expect(evs.map((e) => e.created_at)).toEqual(sorted.map((e) => e.created_at));
      expect(evs.filter((e) => e.to_state !== null && e.action !== 'duplicate_merged').at(-1)?.to_state).toBe(p.status);
      expect(evs.at(-1)!.created_at).toBe(p.updated_at);
    }
  });

  it('hands out unique codes that continue the normal sequence', async () => {
    const r = await t.tdb.db
      .selectFrom('problems')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`count(distinct code)`.as('d')])
      .executeTakeFirstOrThrow();
    expect(Number(r.d)).toBe(Number(r.n));
    const { code } = await reportProblem(t);
    const total = (
      await t.tdb.db
        .selectFrom('code_sequences')
        .select((eb) => eb.fn.sum<number>('last_value').as('s'))
        .executeTakeFirstOrThrow()
    ).s;
    expect(Number(total)).toBe(1202);
    expect(code).toMatch(/^JZ-2026-\d{6}$/);
  });

  it('serves bulk items through the API and lets work continue on them', async () => {
    const item = await t.tdb.db
      .selectFrom('problems')
      .select('code')
      .where('status', '=', 'in_progress')
      .where('lead_department_id', '=', t.ids.departments.urban)
      .executeTakeFirst();
    expect(item).toBeDefined();
    const page = await t.as('chengguan', { method: 'GET', url: `/api/v1/problems/${item!.code}/timeline` });
    expect(page.statusCode).toBe(200);
    expect(page.json().items[0].action).toBe('submit');
    const res = await act(t, 'chengguan', item!.code, 'progress', { text: '继续推进', percent: 95 });
    expect(res.statusCode).toBe(200);
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });

  it('renumbers a batch when something else wrote meanwhile', async () => {
    const before = Number(
      (
        await t.tdb.db
          .selectFrom('problems')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // A normal submission lands between batches; the next batch was numbered before it.
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, {
      count: 300,
      batchSize: 100,
      worker: false,
      now: t.clock.now(),
      afterBatch: async () => {
        await reportProblem(t);
      },
    });
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
    const after = Number(
      (
        await t.tdb.db
          .selectFrom('problems')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBe(303);
  });

  it('plans in a worker thread for large runs, with the same result', async () => {
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, {
      count: 500,
      batchSize: 200,
      worker: true,
      now: t.clock.now(),
    });
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });
});
