import { describe, expect, it } from 'vitest';
import { fromExcelSerial, parseSheetDate, parseSheetDateText } from './dates.js';

const date = (d: string) => ({ kind: 'date', date: d });
const kind = (v: unknown) => parseSheetDate(v).kind;

describe('parseSheetDate strings', () => {
  it.each([
    ['2019-11-30', '2019-11-30'],
    ['2019/11/30', '2019-11-30'],
    ['2019.11.30', '2019-11-30'],
    ['2019年11月30日', '2019-11-30'],
    ['2019年1月5日', '2019-01-05'],
    ['2019-1-5', '2019-01-05'],
    ['20191130', '2019-11-30'],
    ['２０１９年１１月３０日', '2019-11-30'],
    [' 2019 年 11 月 30 日 ', '2019-11-30'],
    ['2019-11-30 00:00:00', '2019-11-30'],
    ['2019/11/30 9:30', '2019-11-30'],
    ['2019-11-30T00:00:00.000Z', '2019-11-30'],
    ['2019年11月30日前', '2019-11-30'],
    ['2019年11月30日前完成', '2019-11-30'],
  ])('%s → %s', (input, expected) => {
    expect(parseSheetDate(input)).toEqual(date(expected));
  });

  it.each([
    ['2019年11月', '2019-11-30'],
    ['2019-02', '2019-02-28'],
    ['2020年2月', '2020-02-29'],
    ['2019年12月底', '2019-12-31'],
    ['2019年12月底前完成', '2019-12-31'],
    ['2019年11月份', '2019-11-30'],
    ['2019年底', '2019-12-31'],
    ['2019年底前', '2019-12-31'],
    ['2019年', '2019-12-31'],
    ['2020年上半年', '2020-06-30'],
  ])('a period means its last day: %s → %s', (input, expected) => {
    expect(parseSheetDate(input)).toEqual(date(expected));
  });

  it.each(['长期', '长期坚持', '持续推进', '长期整改', '常态化推进', '持续整改，每季度检查'])(
    '%s is long-term',
    (s) => {
      expect(parseSheetDate(s)).toEqual({ kind: 'long_term' });
    },
  );

  it.each(['2019-02-30', '2019-02-29', '2019-13-01', '2019-04-31', '20190230', '2019年0月', '2019-00-10'])(
    '%s is not a calendar date',
    (s) => {
      const r = parseSheetDate(s);
      expect(r.kind).toBe('invalid');
      if (r.kind === 'invalid') expect(r.message).toContain(s);
    },
  );

  it('accepts 29 February in leap years only', () => {
    expect(parseSheetDate('2020-02-29')).toEqual(date('2020-02-29'));
    expect(parseSheetDate('2000-02-29')).toEqual(date('2000-02-29'));
    expect(kind('2100-02-29')).toBe('invalid');
  });

  it.each(['尽快', '马上', '19/11/30', '11/30/2019', 'abc', '2019-11-30-1', '第三季度', '1850-01-01', '2200-01-01'])(
    '%s is invalid',
    (s) => expect(kind(s)).toBe('invalid'),
  );

  it('treats blank cells as empty', () => {
    for (const v of [null, undefined, '', '   ', '\n']) expect(parseSheetDate(v)).toEqual({ kind: 'empty' });
  });
});

describe('Excel serials', () => {
  it('uses the 1900 system with its phantom leap day', () => {
    expect(fromExcelSerial(1, { minYear: 1900 })).toEqual(date('1900-01-01'));
    expect(fromExcelSerial(59, { minYear: 1900 })).toEqual(date('1900-02-28'));
    expect(fromExcelSerial(60, { minYear: 1900 }).kind).toBe('invalid');
    expect(fromExcelSerial(61, { minYear: 1900 })).toEqual(date('1900-03-01'));
    expect(fromExcelSerial(25569)).toEqual(date('1970-01-01'));
    expect(fromExcelSerial(43799)).toEqual(date('2019-11-30'));
    expect(fromExcelSerial(46022)).toEqual(date('2025-12-31'));
  });

  it('drops the time of day and supports the 1904 system', () => {
    expect(fromExcelSerial(43799.75)).toEqual(date('2019-11-30'));
    expect(fromExcelSerial(43799 - 1462, { date1904: true })).toEqual(date('2019-11-30'));
  });

  it('rejects zero, negatives, non-finite and implausible years', () => {
    for (const n of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2019, 3_000_000])
      expect(fromExcelSerial(n).kind).toBe('invalid');
  });

  it('reads numbers in cells as serials, and 8-digit numbers as yyyymmdd', () => {
    expect(parseSheetDate(43799)).toEqual(date('2019-11-30'));
    expect(parseSheetDate('43799')).toEqual(date('2019-11-30'));
    expect(parseSheetDate(20191130)).toEqual(date('2019-11-30'));
    expect(kind(20190230)).toBe('invalid');
  });
});

describe('ExcelJS cell values', () => {
  it('reads Date objects as the UTC calendar day ExcelJS produced', () => {
    expect(parseSheetDate(new Date(Date.UTC(2019, 10, 30)))).toEqual(date('2019-11-30'));
    expect(parseSheetDate(new Date(Date.UTC(2019, 10, 29, 23, 59, 59, 999)))).toEqual(date('2019-11-30'));
    expect(kind(new Date(Number.NaN))).toBe('invalid');
  });

  it('unwraps formulas, rich text and hyperlinks, and reports cell errors', () => {
    expect(parseSheetDate({ formula: 'DATE(2019,11,30)', result: new Date(Date.UTC(2019, 10, 30)) })).toEqual(
      date('2019-11-30'),
    );
    expect(parseSheetDate({ sharedFormula: 'A1', result: 43799 })).toEqual(date('2019-11-30'));
    expect(parseSheetDate({ richText: [{ text: '2019年' }, { font: {}, text: '11月30日' }] })).toEqual(
      date('2019-11-30'),
    );
    expect(parseSheetDate({ text: '长期坚持', hyperlink: 'http://x' })).toEqual({ kind: 'long_term' });
    expect(kind({ error: '#N/A' })).toBe('invalid');
    expect(kind({ formula: 'TODAY()' })).toBe('invalid');
    expect(kind(true)).toBe('invalid');
    expect(kind({})).toBe('invalid');
  });

  it('allows a wider year range when asked', () => {
    expect(parseSheetDateText('1960-05-01', { minYear: 1900 })).toEqual(date('1960-05-01'));
    expect(kind('1960-05-01')).toBe('invalid');
  });
});
