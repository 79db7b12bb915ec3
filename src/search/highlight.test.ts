import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, highlightSegments } from './highlight.js';

describe('highlightSegments', () => {
  it('marks a contiguous Chinese query as one segment', () => {
    expect(highlightSegments('生活污水乱泼滥倒', '污水')).toEqual([
      { text: '生活', match: false },
      { text: '污水', match: true },
      { text: '乱泼滥倒', match: false },
    ]);
  });

  it('merges overlapping bigrams and marks every occurrence', () => {
    expect(highlightSegments('共享单车乱停乱放', '乱停乱放')).toEqual([
      { text: '共享单车', match: false },
      { text: '乱停乱放', match: true },
    ]);
    expect(highlightSegments('哈哈哈 哈', '哈哈')).toEqual([
      { text: '哈哈哈', match: true },
      { text: ' 哈', match: false },
    ]);
  });

  it('marks bigrams that occur apart, since the item matched on them', () => {
    const segs = highlightSegments('污水处理厂旁边有人处理垃圾', '污水处理');
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['污水处理', '处理']);
  });

  it('marks a one-character query everywhere', () => {
    expect(highlightSegments('东区工厂异味扰民', '区').filter((s) => s.match)).toEqual([{ text: '区', match: true }]);
  });

  it('matches case- and width-insensitively but keeps the original text', () => {
    expect(highlightSegments('3号楼 ＷｉＦｉ 信号差', 'wifi 信号')).toEqual([
      { text: '3号楼 ', match: false },
      { text: 'ＷｉＦｉ', match: true },
      { text: ' ', match: false },
      { text: '信号', match: true },
      { text: '差', match: false },
    ]);
  });

  it('matches codes on whole letter/digit atoms, with or without hyphens', () => {
    const marked = (t: string, q: string) =>
      highlightSegments(t, q)
        .filter((s) => s.match)
        .map((s) => s.text);
    expect(marked('G318国道', '318')).toEqual(['318']);
    expect(marked('G318国道', '18')).toEqual([]);
    expect(marked('编号JZ-2026-000123', 'jz2026000123')).toEqual(['JZ-2026-000123']);
    expect(marked('编号JZ2026000123', 'JZ-2026')).toEqual([]);
    expect(marked('编号JZ-2026-000123', '2026-000123')).toEqual(['2026-000123']);
  });

  it('returns the whole text unmarked for empty or operator-only queries', () => {
    for (const q of ['', '*', 'AND OR', '🚲', '"()"']) {
      expect(highlightSegments('生活污水', q)).toEqual([{ text: '生活污水', match: false }]);
    }
    expect(highlightSegments('', '污水')).toEqual([]);
  });

  it('keeps astral characters intact', () => {
    const segs = highlightSegments('🚲共享单车🚲', '单车');
    expect(segs.map((s) => s.text).join('')).toBe('🚲共享单车🚲');
    expect(segs.find((s) => s.match)?.text).toBe('单车');
  });
});

describe('highlight', () => {
  it('escapes HTML outside and inside the marks', () => {
    expect(highlight('<script>污水</script> & "x"', '污水')).toBe(
      '&lt;script&gt;<mark>污水</mark>&lt;/script&gt; &amp; &quot;x&quot;',
    );
    expect(highlight('a<污水>b', '<污水>')).toBe('a&lt;<mark>污水</mark>&gt;b');
  });

  it('uses custom tags', () => {
    expect(highlight('生活污水', '污水', '<em class="hit">', '</em>')).toBe('生活<em class="hit">污水</em>');
  });

  it('never lets a query inject markup or regex syntax', () => {
    for (const q of ['<img src=x onerror=alert(1)>', '.*', '(', '[', '\\', '$&', '\'"', 'a|b']) {
      const out = highlight('<img src=x> .*( [ \\ $& a|b', q);
      expect(out).not.toMatch(/<(?!\/?mark>)/);
    }
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
