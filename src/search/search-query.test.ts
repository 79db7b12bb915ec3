import { describe, expect, it } from 'vitest';
import { buildSearchQuery } from './search-query.js';
import { highlightItem, snippet } from './search-highlight.js';

describe('buildSearchQuery', () => {
  it('ANDs the terms and adds a phrase form of longer Han runs for ranking', () => {
    expect(buildSearchQuery('污水')).toEqual({ fts: '"污水"', tsquery: "'污水'" });
    expect(buildSearchQuery('污水处理 G318')).toEqual({
      fts: '("污水" AND "水处" AND "处理" AND "g318") OR ("污水 水处 处理" AND "g318")',
      tsquery: "'污水' & '水处' & '处理' & 'g318'",
    });
    expect(buildSearchQuery('🚲 OR')).toBeNull();
  });
});

describe('highlight', () => {
  it('marks matched fields only, and cuts long texts around the first match', () => {
    const h = highlightItem(
      { title: '路灯不亮', description: '门前路灯坏了', address: '和平路', measures: null },
      '路灯',
    );
    expect(Object.keys(h)).toEqual(['title', 'description']);
    const long = snippet(
      [
        { text: 'x'.repeat(300), match: false },
        { text: '路灯', match: true },
        { text: 'y'.repeat(300), match: false },
      ],
      10,
      30,
    );
    expect(long.map((s) => s.text).join('')).toBe(`…${'x'.repeat(10)}路灯${'y'.repeat(18)}…`);
  });
});
