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
const window = {
  since: '2026-11-10T00:00:00.000Z',
  previousSince: '2026-10-01T00:00:00.000Z',
  threshold: 0.5,
  floor: 0.4,
};

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

describe('clusterItems without chaining', () => {
  // Two problems at one named place, and a report naming both: alike each (0.57, 0.70), while the
  // two problems are not alike (0.27, under the floor). Single linkage made one cluster of all seven.
  const lamp = (d: number) => item('幸福小区路灯不亮', d, { description: '幸福小区路灯不亮，晚上出行很不方便' });
  const waste = (d: number) => item('幸福小区垃圾清运不及时', d, { description: '幸福小区垃圾清运不及时，气味很大' });
  const both = (d: number) =>
    item('幸福小区路灯不亮，垃圾清运不及时', d, { description: '幸福小区路灯不亮，垃圾清运也不及时' });
  const titles = ['幸福小区路灯不亮', '幸福小区垃圾清运不及时'];
  const check = (items: HotItem[]) => {
    const clusters = clusterItems(items, { ...window, minReports: 3 });
    // No cluster holds a street-light report and a rubbish report together.
    for (const c of clusters)
      expect(
        titles.every((t) => c.members.some((m) => m.title === t)),
        c.title,
      ).toBe(false);
    return rank(clusters, 'size').map((c) => [c.title, c.reports]);
  };

  it('keeps two problems at one place apart when a report names both (report after them)', () => {
    const items = [lamp(11), lamp(12), lamp(13), waste(11), waste(12), waste(14), both(15)];
    // The report naming both joins the group it is most alike (0.70 against 0.57).
    expect(check(items)).toEqual([
      ['幸福小区垃圾清运不及时', 4],
      ['幸福小区路灯不亮', 3],
    ]);
  });

  it('keeps them apart when the report naming both is the oldest', () => {
    const items = [both(10), lamp(11), lamp(12), lamp(13), waste(11), waste(12), waste(14)];
    const clusters = check(items);
    expect(clusters).toContainEqual(['幸福小区垃圾清运不及时', 3]);
    expect(clusters.map(([, n]) => n).reduce((a, b) => Number(a) + Number(b), 0)).toBe(7);
  });
});
