import { describe, expect, it } from 'vitest';
import { choosePlan, type PlanPart, type SampleCounts } from './list-index-plan-cost.js';

// A sample of 1,000 rows standing for a million.
const counts = (over: Partial<SampleCounts>): SampleCounts => ({
  total: 1000,
  span: 1_000_000,
  all: 500,
  dates: 1000,
  parts: [],
  ...over,
});
const part = (column: string, hits: number, over: Partial<PlanPart> = {}): PlanPart => ({
  column,
  byCreated: true,
  single: true,
  hits,
  hitsInDates: hits,
  ...over,
});
const created = { sortColumn: 'created_at', dated: false, need: 21 };

describe('choosePlan', () => {
  it('walks the sort index when the filter matches often', () => {
    const plan = choosePlan(counts({ all: 400, parts: [part('problems.status', 450, { single: false })] }), created);
    expect(plan).toMatchObject({ seekBy: ['problems.created_at'], ordered: true });
  });

  it("walks a single-valued filter's (column, created_at, id) index for a combination that is rare together", () => {
    // urgency 2 %, source 10 %, together 0.2 %: a sort-index walk reads ~10,000 rows, sorting the urgency 20,000.
    const plan = choosePlan(
      counts({ all: 2, parts: [part('problems.source_id', 100), part('problems.urgency', 20)] }),
      created,
    );
    expect(plan).toMatchObject({ seekBy: ['problems.urgency', 'problems.created_at'], ordered: true });
    expect(plan.rows).toBeCloseTo((21 * 20) / 2);
  });

  it('seeks and sorts a filter of several values: its index is not in creation order', () => {
    const plan = choosePlan(counts({ all: 0, parts: [part('problems.category_id', 3, { single: false })] }), created);
    expect(plan).toMatchObject({ seekBy: ['problems.category_id', 'problems.created_at'], ordered: false });
  });

  it('seeks a filter without a creation-ordered index by itself', () => {
    const plan = choosePlan(
      counts({ all: 0, parts: [part('problems.owner_leader_id', 1, { byCreated: false })] }),
      created,
    );
    expect(plan).toMatchObject({ seekBy: ['problems.owner_leader_id'], ordered: false });
  });

  it('narrows a creation-sorted walk to the date range', () => {
    const plan = choosePlan(counts({ all: 10, dates: 80 }), { ...created, dated: true });
    expect(plan).toMatchObject({ seekBy: ['problems.created_at'], ordered: true });
    expect(plan.rows).toBeCloseTo((21 * 80) / 10);
  });

  it('sorts the date range for another sort when matches come late in that order', () => {
    // An old month sorted by update: the walk passes 900 sampled rows (900,000) before a match.
    const plan = choosePlan(counts({ all: 80, dates: 80, ordering: 80, firstMatchAt: 901 }), {
      sortColumn: 'updated_at',
      dated: true,
      need: 21,
    });
    expect(plan).toMatchObject({ seekBy: ['problems.created_at'], ordered: false });
    expect(plan.rows).toBeCloseTo(80_000);
  });

  it("walks another sort's index with a date range when matches come first in that order", () => {
    const plan = choosePlan(counts({ all: 80, dates: 80, ordering: 80, firstMatchAt: 1 }), {
      sortColumn: 'updated_at',
      dated: true,
      need: 21,
    });
    expect(plan).toMatchObject({ seekBy: [], ordered: true });
  });

  it("prefers a rare filter's range to the whole date range for another sort", () => {
    const plan = choosePlan(
      counts({
        all: 2,
        dates: 80,
        ordering: 80,
        firstMatchAt: 500,
        parts: [part('problems.urgency', 20, { hitsInDates: 2 })],
      }),
      { sortColumn: 'deadline', dated: true, need: 21 },
    );
    expect(plan).toMatchObject({ seekBy: ['problems.urgency', 'problems.created_at'], ordered: false });
    expect(plan.rows).toBeCloseTo(2000);
  });

  it('takes a first match within twice the even gap for chance, not for a late start', () => {
    // 10 sampled matches spread evenly lie ~100 rows apart: one at 150 says nothing.
    const plan = choosePlan(counts({ all: 10, dates: 80, ordering: 10, firstMatchAt: 150 }), {
      sortColumn: 'updated_at',
      dated: true,
      need: 21,
    });
    expect(plan).toMatchObject({ seekBy: [], ordered: true });
  });

  it('seeks states that sort last by deadline (accepted and merged items have none) instead of walking to them', () => {
    const plan = choosePlan(
      counts({ all: 80, ordering: 80, firstMatchAt: 920, parts: [part('problems.status', 80, { single: false })] }),
      { sortColumn: 'deadline', dated: false, need: 21 },
    );
    expect(plan).toMatchObject({ seekBy: ['problems.status', 'problems.created_at'], ordered: false });
  });

  it('counts a walk through a filter with no sampled match as reading all it passes', () => {
    const plan = choosePlan(counts({ all: 0, parts: [part('problems.source_id', 300)] }), created);
    expect(plan).toMatchObject({ seekBy: ['problems.source_id', 'problems.created_at'], ordered: true });
    expect(plan.rows).toBeCloseTo(300_000);
  });
});
