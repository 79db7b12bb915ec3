import { describe, expect, it } from 'vitest';
import { distanceMeters, scoreDuplicate, shingles, textSimilarity } from './similarity.js';

describe('duplicate similarity', () => {
  it('scores two reports of one problem high and unrelated ones low', () => {
    const a = { title: '和平社区三号楼前路灯不亮', description: '三号楼门前的两盏路灯坏了两周' };
    expect(
      textSimilarity(a, { title: '三号楼路灯不亮', description: '和平社区三号楼前面的路灯晚上不亮' }),
    ).toBeGreaterThan(0.5);
    expect(textSimilarity(a, { title: '小区垃圾无人清运', description: '垃圾桶满了好几天' })).toBeLessThan(0.15);
  });

  it('ignores words every complaint uses', () => {
    expect([...shingles('居民反映问题')]).toEqual(['民反', '映问']);
  });

  it('measures distance on the globe', () => {
    expect(distanceMeters(30.3, 112.24, 30.3009, 112.24)).toBeCloseTo(100, -1);
  });

  it('rules out a different place, and weighs category and place with their reasons', () => {
    expect(scoreDuplicate(0.9, 'same', { kind: 'different' })).toBeNull();
    expect(scoreDuplicate(0.2, 'same', { kind: 'same_area' })).toBeNull();
    const s = scoreDuplicate(0.8, 'neighbouring', { kind: 'nearby', meters: 150 })!;
    expect(s.score).toBeCloseTo(0.6 * 0.8 + 0.2 * 0.6 + 0.2 * 0.75, 3);
    expect(s.reasons.map((r) => r.code)).toEqual(['similar_text', 'neighbouring_category', 'nearby']);
  });
});
