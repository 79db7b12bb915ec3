import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  matchesQuery,
  normalizeText,
  queryTerms,
  toFtsQuery,
  toIndexString,
  toTsQuery,
} from './tokenize.js';

const CORPUS = [
  '生活污水乱泼滥倒',
  '小区不动产权证办理难',
  '共享单车乱停乱放',
  '开发区通勤公交太少',
  '东区工厂异味扰民',
  '3号楼 WiFi 信号差',
  'G318国道沙市段路面破损',
  '编号 JZ-2026-000123 的检修停电通知太晚',
];

const ADVERSARIAL = [
  '',
  '   ',
  '"',
  '""',
  "'",
  "污水'; DROP TABLE x; --",
  '*',
  '污*',
  'AND',
  'OR',
  'NOT',
  'NEAR(a b)',
  'a AND',
  'OR 污水',
  '(污水',
  '污水)',
  'col:污水',
  'title : 污水',
  '^污水',
  '🚲',
  '🚲🚲 共享',
  '\\',
  '&|!<->',
  '-污水',
  '+污水',
  '{a b}',
  'a:*',
  "'a':* & !b",
  '\u0000',
  '\u200b污水',
  '\ud83d',
];

function search(query: string): string[] {
  const q = queryTerms(query);
  return CORPUS.filter((t) => matchesQuery(indexTerms(t), q));
}

describe('indexTerms', () => {
  it('holds every CJK bigram and the last character of each run', () => {
    const terms = indexTerms('生活污水乱泼滥倒');
    expect(terms).toEqual(expect.arrayContaining(['生活', '活污', '污水', '水乱', '乱泼', '泼滥', '滥倒', '倒']));
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('keeps a one-character run as a term', () => {
    expect(indexTerms('路 灯')).toEqual(['路', '灯']);
  });

  it('lower-cases and folds full-width Latin and digits', () => {
    expect(indexTerms('ＷｉＦｉ　１２３')).toEqual(['wifi', '123']);
    expect(normalizeText('ＡＢＣ－１')).toBe('abc-1');
  });

  it('splits mixed scripts into codes, digits and Han', () => {
    expect(indexTerms('3号楼 WiFi 信号差')).toEqual(expect.arrayContaining(['3', '号楼', 'wifi', '信号', '号差']));
    expect(indexTerms('G318国道')).toEqual(expect.arrayContaining(['g318', 'g', '318', '国道']));
  });

  it('keeps codes whole, split, and as contiguous sub-joins', () => {
    const terms = indexTerms('JZ-2026-000123');
    for (const t of ['jz2026000123', 'jz', '2026', '000123', 'jz2026', '2026000123']) expect(terms).toContain(t);
  });

  it('emits only letters and digits, so engines never split a term', () => {
    const terms = indexTerms('a-b_c "引号" (括号) 🚲 e\u0301 ① x*y 𠀀𠀁');
    for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(terms).toContain('1');
    expect(terms).toContain('𠀀𠀁');
  });

  it('caps very long terms', () => {
    expect(Math.max(...indexTerms('x'.repeat(500)).map((t) => t.length))).toBeLessThanOrEqual(64);
  });
});

describe('queryTerms and matching', () => {
  it('finds any two contiguous characters of an item', () => {
    expect(search('污水')).toEqual(['生活污水乱泼滥倒']);
    expect(search('产权证')).toEqual(['小区不动产权证办理难']);
    expect(search('乱停乱放')).toEqual(['共享单车乱停乱放']);
    expect(search('公交')).toEqual(['开发区通勤公交太少']);
    expect(search('异味 扰民')).toEqual(['东区工厂异味扰民']);
  });

  it('does not match characters that are only present apart', () => {
    expect(search('污倒')).toEqual([]);
    expect(search('停车')).toEqual([]);
  });

  it('matches one character anywhere, as a prefix term', () => {
    expect(queryTerms('区')).toEqual([{ term: '区', prefix: true }]);
    expect(search('区')).toEqual(['小区不动产权证办理难', '开发区通勤公交太少', '东区工厂异味扰民']);
    expect(search('少')).toEqual(['开发区通勤公交太少']);
  });

  it('matches Latin, digits and codes case- and width-insensitively', () => {
    expect(search('wifi')).toEqual(['3号楼 WiFi 信号差']);
    expect(search('ＷＩＦＩ 信号')).toEqual(['3号楼 WiFi 信号差']);
    expect(search('318')).toEqual(['G318国道沙市段路面破损']);
    expect(search('g318 国道')).toEqual(['G318国道沙市段路面破损']);
    expect(search('JZ-2026-000123')).toEqual([CORPUS[7]]);
    expect(search('jz2026000123')).toEqual([CORPUS[7]]);
    expect(search('2026-000123')).toEqual([CORPUS[7]]);
    expect(search('18')).toEqual([]);
  });

  it('treats operators and punctuation as separators', () => {
    expect(queryTerms('"污水" OR *')).toEqual([{ term: '污水', prefix: false }]);
    expect(queryTerms('title:污水 AND (单车)')).toEqual([
      { term: 'title', prefix: false },
      { term: '污水', prefix: false },
      { term: '单车', prefix: false },
    ]);
    expect(queryTerms('🚲')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
  });

  it('any substring of two or more Han characters matches its text (property)', () => {
    const han = fc.constantFrom(...'生活污水乱泼滥倒小区不动产权证办理难共享单车停放'.split(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = a % (chars.length - 1);
        const len = 2 + (b % (chars.length - start - 1));
        const q = chars.slice(start, start + len).join('');
        return matchesQuery(indexTerms(`前缀 ${text} 后缀`), queryTerms(q));
      }),
    );
  });
});

describe('engine strings', () => {
  it('builds FTS5 and tsquery strings of quoted terms', () => {
    expect(toFtsQuery('生活 污水')).toBe('"生活" AND "污水"');
    expect(toFtsQuery('水')).toBe('"水"*');
    expect(toTsQuery('生活 污水 水')).toBe("'生活' & '污水' & '水':*");
    expect(toFtsQuery('*')).toBeNull();
    expect(toTsQuery('🚲 AND')).toBeNull();
  });

  it('toIndexString is space-separated and drops unsafe characters', () => {
    expect(toIndexString(['污水', 'a"b', '(x)', ''])).toBe('污水 ab x');
  });

  it('round-trips through SQLite FTS5 without syntax errors', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(terms, tokenize='unicode61 remove_diacritics 0')");
    const insert = db.prepare('INSERT INTO t(rowid, terms) VALUES (?, ?)');
    for (const [i, text] of CORPUS.entries()) insert.run(i + 1, toIndexString(indexTerms(text)));
    const match = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');
    const fts = (q: string) => {
      const expr = toFtsQuery(q);
      return expr === null ? null : match.all(expr).map((r) => CORPUS[(r as { rowid: number }).rowid - 1]);
    };
    for (const q of ['污水', '区', 'wifi', '318', 'JZ-2026-000123', '2026-000123', '乱停乱放', '异味 扰民']) {
      expect(fts(q)).toEqual(search(q));
    }
    for (const q of ADVERSARIAL) expect(() => fts(q)).not.toThrow();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (q) => {
        fts(q);
      }),
      { numRuns: 300 },
    );
    db.close();
  });
});
