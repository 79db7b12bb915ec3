import { describe, expect, it } from 'vitest';
import { clusterItems, rank, type HotItem } from './cluster.js';

let n = 0;
const item = (title: string, day: number, over: Partial<HotItem> = {}): HotItem => ({
  id: ++n,
  code: `T-${String(n).padStart(3, '0')}`,
  title,
  description: `${title}，已经好几天了`,
  areaId: 1,
  categoryId: 7,
  createdAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  reports: 1,
  support: 0,
  ...over,
});
const window = { since: '2026-11-10T00:00:00.000Z', previousSince: '2026-10-01T00:00:00.000Z', threshold: 0.5 };

describe('clusterItems', () => {
  it('joins alike items of one area and counts this window, the previous one and support', () => {
    const items = [
      item('和平小区路灯不亮', 2),
      item('和平小区3号楼路灯不亮', 12, { reports: 2 }),
      item('和平小区5号楼路灯不亮', 14, { support: 4 }),
      item('和平小区路灯不亮', 15, { areaId: 2 }), // another area
      item('学校门口交通拥堵', 15),
    ];
    const [c, ...rest] = clusterItems(items, { ...window, minReports: 3 });
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ key: items[0].code, reports: 3, previous: 1, growth: 2, support: 4, areaId: 1 });
    expect(c.members.map((m) => m.id)).toEqual([items[0].id, items[1].id, items[2].id]);
    expect(c.score).toBe(3 + 1 + 1);
  });

  it('leaves out groups below the minimum and ranks by the chosen figure', () => {
    const items = [
      ...[11, 12, 13, 14].map((d) => item('江北路垃圾没人清运', d)),
      ...[11, 12, 13].map((d) => item('幸福里电梯经常困人', d, { support: 9 })),
      item('荆江大道噪音扰民', 12),
    ];
    const clusters = clusterItems(items, { ...window, minReports: 3 });
    expect(clusters).toHaveLength(2);
    expect(rank(clusters, 'size')[0].title).toBe('江北路垃圾没人清运');
    expect(rank(clusters, 'support')[0].title).toBe('幸福里电梯经常困人');
  });
});
