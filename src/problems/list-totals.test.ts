import { describe, expect, it } from 'vitest';
import { listTotals, totalKey } from './list-totals.js';

describe('list totals', () => {
  const counter = () => {
    let calls = 0;
    return {
      count: async () => ({ total: 10 + calls++, totalExact: true }),
      get calls() {
        return calls;
      },
    };
  };

  it('counts every first page afresh and lets a later page reuse the count', async () => {
    const c = counter();
    const totals = listTotals(60_000, () => 0);
    expect((await totals.get('k', false, c.count)).total).toBe(10);
    expect((await totals.get('k', false, c.count)).total).toBe(11);
    expect((await totals.get('k', true, c.count)).total).toBe(11);
    expect(c.calls).toBe(2);
  });

  it('counts a later page when nothing is remembered or it is too old', async () => {
    let t = 0;
    const c = counter();
    const totals = listTotals(1_000, () => t);
    expect((await totals.get('k', true, c.count)).total).toBe(10);
    t = 1_001;
    expect((await totals.get('k', true, c.count)).total).toBe(11);
    expect((await totals.get('other', true, c.count)).total).toBe(12);
  });

  it('forgets the oldest entry past its size', async () => {
    const c = counter();
    const totals = listTotals(60_000, () => 0, 2);
    await totals.get('a', false, c.count);
    await totals.get('b', false, c.count);
    await totals.get('c', false, c.count);
    await totals.get('a', true, c.count);
    expect(c.calls).toBe(4);
    await totals.get('c', true, c.count);
    expect(c.calls).toBe(4);
  });

  it('keys by visibility and filter, not by page', () => {
    const v = { kind: 'public' };
    expect(totalKey(v, { status: 'x', cursor: 'abc', limit: 20, sort: 'created_asc' })).toBe(
      totalKey(v, { status: 'x' }),
    );
    expect(totalKey(v, { status: 'x' })).not.toBe(totalKey({ kind: 'all' }, { status: 'x' }));
    expect(totalKey(v, { status: 'x' })).not.toBe(totalKey(v, { status: 'y' }));
  });
});
