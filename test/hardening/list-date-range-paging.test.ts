import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { bulkSeed } from '../../src/bulk/bulk-seed.js';
import {
  filterExpr,
  listProblems,
  type ListFilter,
  type SortKey,
  type Visibility,
} from '../../src/problems/problem-list.repository.js';
import { indexPlan } from '../../src/problems/list-index-plan.js';
import { subtreeIds } from '../../src/reference/reference.repository.js';

/**
 * A date range with any sort, alone and with filters that have their own (column, created_at, id)
 * index: keyset pages return exactly what one plain query returns, in order, whichever plan
 * (walking an index, or seeking and sorting) serves them. Above the planner's sampling threshold,
 * so its choices are real ones.
 */
const DIALECTS = await dialects();
const SORTS: Array<[SortKey, { column: 'created_at' | 'updated_at' | 'deadline'; dir: 'asc' | 'desc' }]> = [
  ['created_desc', { column: 'created_at', dir: 'desc' }],
  ['created_asc', { column: 'created_at', dir: 'asc' }],
  ['updated_desc', { column: 'updated_at', dir: 'desc' }],
  ['deadline_asc', { column: 'deadline', dir: 'asc' }],
];

describe.each(DIALECTS)('date-ranged list paging by every sort (%s)', (dialect) => {
  let t: TestApp;
  const months: Array<{ from: string; to: string }> = [];
  let categoryIds: number[] = [];
  let sourceId = 0;
  const plans = new Set<string>();
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await bulkSeed(t.tdb.db, t.kernel.dialect, t.config, {
      count: 6000,
      batchSize: 2000,
      worker: false,
      now: t.clock.now(),
    });
    const r = await t.tdb.db
      .selectFrom('problems')
      .select((eb) => [eb.fn.min('created_at').as('lo'), eb.fn.max('created_at').as('hi')])
      .executeTakeFirstOrThrow();
    // Four weeks early on, where matches come last in update and deadline order, and the latest
    // four, where they come first in update order.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const [lo, hi] = [Date.parse(String(r.lo)), Date.parse(String(r.hi))];
    const weeks4 = 27 * 86_400_000;
    months.push({ from: day(lo + weeks4), to: day(lo + 2 * weeks4) }, { from: day(hi - weeks4), to: day(hi) });
    const top = await t.tdb.db
      .selectFrom('categories')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    categoryIds = await subtreeIds(t.tdb.db, 'categories', top.id);
    // A source the seeded items use (migrations add sources of their own, so ids are not fixed).
    const used = await t.tdb.db
      .selectFrom('problems')
      .select('source_id')
      .groupBy('source_id')
      .orderBy('source_id')
      .executeTakeFirstOrThrow();
    sourceId = Number(used.source_id);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const filters: Array<[string, (m: { from: string; to: string }) => ListFilter]> = [
    ['dates', (m) => ({ ...m })],
    ['dates + urgency', (m) => ({ ...m, urgency: 'emergency' })],
    ['dates + source', (m) => ({ ...m, sourceId })],
    ['dates + category subtree', (m) => ({ ...m, categoryIds })],
    ['dates + status', (m) => ({ ...m, statuses: ['closed'] })],
  ];
  const visibilities: Visibility[] = [{ kind: 'public' }, { kind: 'all' }];

  it.each(SORTS)(
    'pages through %s exactly as a plain query orders them',
    async (sort, spec) => {
      for (const m of months) {
        for (const [, make] of filters) {
          for (const v of visibilities) {
            const f = make(m);
            const plan = await indexPlan(t.tdb.db, t.kernel.dialect, f, v, spec, 37);
            plans.add(plan ? `${plan.ordered}` : 'database');
            const ids: number[] = [];
            let cursor: string | undefined;
            for (let page = 0; page < 200; page++) {
              const res = await listProblems(t.tdb.db, t.kernel.dialect, f, v, sort, 37, cursor);
              ids.push(...res.rows.map((r) => r.id));
              if (!res.nextCursor) break;
              cursor = res.nextCursor;
            }
            const key = spec.column === 'deadline' ? sql`coalesce(deadline, '9999-12-31')` : sql.ref(spec.column);
            const plain = await t.tdb.db
              .selectFrom('problems')
              .select('id')
              .where((eb) => filterExpr(eb, f, v))
              .orderBy(key, spec.dir)
              .orderBy('id', spec.dir)
              .execute();
            expect(plain.length).toBeGreaterThan(0);
            expect(ids).toEqual(plain.map((r) => r.id));
          }
        }
      }
    },
    120_000,
  );

  it('served those pages by both kinds of plan: an index in order, and a seek sorted', () => {
    expect([...plans], [...plans].join()).toContain('true');
    expect([...plans]).toContain('false');
  });
});
