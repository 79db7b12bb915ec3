import { describe, expect, it } from 'vitest';
import { counterScope, figuresFromCounters } from './counter-summary.js';
import type { CounterRow } from './stats-counters.repository.js';

const row = (dimension: string, key: string, status: string, n: number): CounterRow => ({ dimension, key, status, n });
const rows: CounterRow[] = [
  row('total', '', 'assigned', 3),
  row('total', '', 'closed', 2),
  row('total', '', 'long_term', 1),
  row('category', '4', 'assigned', 3),
  row('category', '4', 'closed', 2),
  row('deadline', '2026-11-01', 'assigned', 2),
  row('deadline', '2026-11-30', 'assigned', 1),
  row('department', '2,5', 'assigned', 2),
  row('department', '5', 'closed', 2),
  row('department', '7', 'assigned', 1),
  row('month', '2026-10', 'closed', 2),
  row('month', '2026-11', 'assigned', 3),
];

describe('counter summary', () => {
  it('answers public and citywide callers with no filter but states', () => {
    expect(counterScope({ kind: 'public' }, { statuses: undefined, sourceId: undefined, matchedIds: null })).toBe(
      'public',
    );
    expect(counterScope({ kind: 'all' }, { statuses: ['closed'] })).toBe('all');
    expect(counterScope({ kind: 'all' }, { categoryIds: [] })).toBe('all');
    expect(counterScope({ kind: 'all' }, { from: '2026-11-01' })).toBeNull();
    expect(counterScope({ kind: 'public' }, { overdueBefore: '2026-11-20' })).toBeNull();
    expect(counterScope({ kind: 'scope', departmentIds: [1] }, {})).toBeNull();
  });

  it('sums headline figures, overdue below today only', () => {
    const f = figuresFromCounters(rows, undefined, '2026-11-20');
    expect(f).toMatchObject({ found: 6, rectified: 2, inProgress: 3, overdue: 2, longTerm: 1 });
    expect(f.byCategory).toEqual([{ key: '4', count: 5, rectified: 2 }]);
    expect(f.byCreated.map((g) => g.key)).toEqual(['2026-10', '2026-11']);
  });

  it('counts an item once for a subtree holding any of its units', async () => {
    const f = figuresFromCounters(rows, undefined, '2026-11-20');
    expect(await f.withDepartments([2, 5])).toEqual({ count: 4, rectified: 2 });
    expect(await f.withDepartments([2])).toEqual({ count: 2, rectified: 0 });
    expect(await f.withDepartments([9])).toEqual({ count: 0, rectified: 0 });
  });

  it('narrows every figure to the states asked for', () => {
    const f = figuresFromCounters(rows, ['closed'], '2026-11-20');
    expect(f).toMatchObject({ found: 2, rectified: 2, inProgress: 0, overdue: 0, longTerm: 0 });
    expect(f.byCreated).toEqual([{ key: '2026-10', count: 2, rectified: 2 }]);
  });
});
