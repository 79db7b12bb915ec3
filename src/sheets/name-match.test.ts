import { describe, expect, it } from 'vitest';
import { nameSimilarity, normalizeName, resolveName, splitMultiValue } from './name-match.js';

const UNITS = [
  '国家税务总局荆州市税务局',
  '市城市管理执法局',
  '市市场监督管理局',
  '市住房和城乡建设局',
  '市水利和湖泊局',
  '市生态环境局',
  '市自然资源和规划局',
  '市交通运输局',
  '市公安局',
  '市教育局',
  '市财政局',
  '国网荆州供电公司',
  '荆州开发区管委会',
  '沙市区人民政府',
  '荆州区人民政府',
  '市公安局交通警察支队',
].map((name, i) => ({ id: i + 1, name }));
const WITH_ALIAS = [...UNITS, { id: 99, name: '市卫生健康委员会', aliases: ['市卫健委', '卫健委'] }];

function top(name: string, list = UNITS): string | undefined {
  const r = resolveName(name, list);
  return r.kind === 'exact' ? `=${r.candidate.name}` : r.suggestions[0]?.candidate.name;
}

describe('normalizeName', () => {
  it('folds width and drops spaces and punctuation, but keeps 市/区/局', () => {
    expect(normalizeName(' 市 教育局 ')).toBe('市教育局');
    expect(normalizeName('市教育局（牵头）')).toBe('市教育局(牵头)');
    expect(normalizeName('ＡＢＣ公司·荆州')).toBe('ABC公司荆州');
    expect(normalizeName('市场监管局')).toBe('市场监管局');
  });
});

describe('resolveName', () => {
  it('resolves exact names despite spaces, width and role notes', () => {
    expect(top('市教育局')).toBe('=市教育局');
    expect(top(' 市 教育局 ')).toBe('=市教育局');
    expect(top('市教育局（牵头）')).toBe('=市教育局');
    expect(top('市公安局')).toBe('=市公安局');
  });

  it('resolves aliases', () => {
    expect(top('卫健委', WITH_ALIAS)).toBe('=市卫生健康委员会');
    expect(top('市卫健委', WITH_ALIAS)).toBe('=市卫生健康委员会');
  });

  it('only suggests for short forms, with the intended unit first', () => {
    const r = resolveName('市税务局', UNITS);
    expect(r.kind).toBe('suggest');
    expect(top('市税务局')).toBe('国家税务总局荆州市税务局');
    expect(top('城管局')).toBe('市城市管理执法局');
    expect(top('住建局')).toBe('市住房和城乡建设局');
    expect(top('水利局')).toBe('市水利和湖泊局');
    expect(top('市场监管局')).toBe('市市场监督管理局');
    expect(top('交警支队')).toBe('市公安局交通警察支队');
    expect(top('沙市区政府')).toBe('沙市区人民政府');
    expect(top('供电公司')).toBe('国网荆州供电公司');
  });

  it('does not confuse districts that share characters', () => {
    expect(top('荆州区政府')).toBe('荆州区人民政府');
    expect(top('沙市区人民政府')).toBe('=沙市区人民政府');
  });

  it('returns at most `limit` suggestions, best first, above the noise floor', () => {
    const r = resolveName('市局', UNITS, { limit: 2, minScore: 0 });
    expect(r.kind === 'suggest' && r.suggestions.length).toBe(2);
    const none = resolveName('完全无关的名字', UNITS);
    expect(none).toEqual({ kind: 'suggest', suggestions: [] });
    const s = resolveName('城管局', UNITS);
    if (s.kind !== 'suggest') throw new Error('expected suggestions');
    for (let i = 1; i < s.suggestions.length; i++)
      expect(s.suggestions[i - 1].score).toBeGreaterThanOrEqual(s.suggestions[i].score);
  });

  it('never auto-picks between two units with the same name', () => {
    const dup = [...UNITS, { id: 100, name: '市 教育局' }];
    const r = resolveName('市教育局', dup);
    expect(r.kind).toBe('suggest');
    expect(r.kind === 'suggest' && r.suggestions.map((s) => s.candidate.id).sort()).toEqual([10, 100]);
  });

  it('handles empty input and empty candidate lists', () => {
    expect(resolveName('  ', UNITS)).toEqual({ kind: 'suggest', suggestions: [] });
    expect(resolveName('市教育局', [])).toEqual({ kind: 'suggest', suggestions: [] });
  });
});

describe('nameSimilarity', () => {
  it('is 1 for equal names and ranks subsequences above shared suffixes', () => {
    expect(nameSimilarity('市教育局', '市 教育局')).toBe(1);
    expect(nameSimilarity('城管局', '市城市管理执法局')).toBeGreaterThan(nameSimilarity('城管局', '市市场监督管理局'));
    expect(nameSimilarity('', '市教育局')).toBe(0);
  });
});

describe('splitMultiValue', () => {
  it('splits on Chinese and Latin separators and new lines', () => {
    expect(splitMultiValue('市水利局、市生态环境局,市住建局')).toEqual(['市水利局', '市生态环境局', '市住建局']);
    expect(splitMultiValue('市水利局；市财政局;市教育局／市公安局/市交通运输局')).toEqual([
      '市水利局',
      '市财政局',
      '市教育局',
      '市公安局',
      '市交通运输局',
    ]);
    expect(splitMultiValue('市水利局\n市财政局\r\n市教育局，，')).toEqual(['市水利局', '市财政局', '市教育局']);
  });

  it('trims, drops empties and duplicates, and a trailing 等', () => {
    expect(splitMultiValue(' 市水利局 、、 市水利局 、市财政局等单位')).toEqual(['市水利局', '市财政局']);
    expect(splitMultiValue('市住房和城乡建设局')).toEqual(['市住房和城乡建设局']);
    expect(splitMultiValue('')).toEqual([]);
    expect(splitMultiValue(null)).toEqual([]);
  });
});
