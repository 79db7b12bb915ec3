import { describe, expect, it } from 'vitest';
import { contribution, delta, idList, sameState, type ItemState } from './stats-keys.js';

const item: ItemState = {
  is_public: 1,
  status: 'assigned',
  category_id: 3,
  area_id: 7,
  source_id: 1,
  created_month: '2026-11',
  deadline: '2026-11-20',
  departments: '2,5',
  tags: '4,9',
};

describe('stats keys', () => {
  it('writes unit and tag sets as sorted, distinct ids', () => {
    expect(idList([5, 2, 5, 10])).toBe('2,5,10');
    expect(idList([])).toBe('');
  });

  it('counts a public item in both scopes, once per dimension and once per tag', () => {
    const keys = contribution(item);
    expect(keys.filter((k) => k.scope === 'all')).toHaveLength(9);
    expect(keys.filter((k) => k.scope === 'public')).toHaveLength(9);
    expect(keys.filter((k) => k.dimension === 'tag').map((k) => k.key)).toEqual(['4', '9', '4', '9']);
    expect(keys.every((k) => k.status === 'assigned')).toBe(true);
  });

  it('leaves private, submitted and rejected items out of the public scope', () => {
    for (const x of [
      { ...item, is_public: 0 },
      { ...item, status: 'submitted' },
      { ...item, status: 'rejected' },
    ]) {
      expect(contribution(x).some((k) => k.scope === 'public')).toBe(false);
    }
  });

  it('keeps deadlines only for states that can be overdue, and skips missing keys', () => {
    expect(contribution({ ...item, status: 'rectified' }).some((k) => k.dimension === 'deadline')).toBe(false);
    const bare = contribution({ ...item, category_id: null, area_id: null, deadline: null, departments: '', tags: '' });
    expect(bare.filter((k) => k.scope === 'all').map((k) => k.dimension)).toEqual(['total', 'source', 'month']);
  });

  it('a change moves only the keys that differ, sorted; no change moves nothing', () => {
    expect(delta(item, { ...item })).toEqual([]);
    const moved = delta(item, { ...item, area_id: 8 });
    expect(moved.map((d) => [d.scope, d.dimension, d.key, d.n])).toEqual([
      ['all', 'area', '7', -1],
      ['all', 'area', '8', 1],
      ['public', 'area', '7', -1],
      ['public', 'area', '8', 1],
    ]);
    expect(delta(null, item).every((d) => d.n === 1)).toBe(true);
    expect(delta(item, null)).toHaveLength(18);
  });

  it('compares states field by field', () => {
    expect(sameState(item, { ...item })).toBe(true);
    expect(sameState(item, { ...item, tags: '4' })).toBe(false);
    expect(sameState(null, item)).toBe(false);
  });
});
