/**
 * Reads the 整改时限 / 完成日期 cells of real sheets: typed dates, raw Excel serials and the
 * many ways people type a date in Chinese. A period ("2019年11月", "2019年底前") means its last
 * day, because a deadline "by November" is met on 30 November, not missed on the 1st.
 */

export type SheetDate =
  | { kind: 'date'; date: string }
  | { kind: 'long_term' }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string };

export interface SheetDateOptions {
  /** Workbooks saved with the Mac 1904 date system count serials from 1904-01-01. */
  date1904?: boolean;
  /**
   * Plausible years. A bare year or a day count typed into a number cell reads as a serial in
   * 1905 and would otherwise pass as a date.
   */
  minYear?: number;
  maxYear?: number;
}

/** Phrases for phased items that have checkpoints instead of one deadline. */
const LONG_TERM = /^(长期|持续|常态|长效|久久为功|逐步|分阶段|分步)/;
const DAY_MS = 86_400_000;

const invalid = (raw: unknown, why = '无法识别的日期 / unrecognised date'): SheetDate => ({
  kind: 'invalid',
  message: `${why}: ${String(raw).slice(0, 50)}`,
});

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ymd(y: number, m: number, d: number | 'end', raw: unknown, opts: SheetDateOptions): SheetDate {
  const { minYear = 1970, maxYear = 2100 } = opts;
  if (!Number.isInteger(y) || y < minYear || y > maxYear)
    return invalid(raw, `年份超出范围 ${minYear}–${maxYear} / year out of range`);
  if (m < 1 || m > 12) return invalid(raw, '月份无效 / no such month');
  const day = d === 'end' ? lastDay(y, m) : d;
  if (day < 1 || day > lastDay(y, m)) return invalid(raw, '日期不存在 / no such day');
  return { kind: 'date', date: `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** ExcelJS hands date cells over as UTC midnight; rounding absorbs float noise like 23:59:59.999. */
function fromDate(d: Date, raw: unknown, opts: SheetDateOptions): SheetDate {
  if (Number.isNaN(d.getTime())) return invalid(raw);
  const r = new Date(Math.round(d.getTime() / 1000) * 1000);
  return ymd(r.getUTCFullYear(), r.getUTCMonth() + 1, r.getUTCDate(), raw, opts);
}

/**
 * Excel's 1900 system counts 1900-01-01 as 1 and keeps Lotus's phantom 1900-02-29 as 60, so
 * from 61 on the epoch is 1899-12-30; below 60 it is one day later. The time of day is dropped.
 */
export function fromExcelSerial(serial: number, opts: SheetDateOptions = {}): SheetDate {
  const day = Math.floor(serial + 1e-9);
  if (!Number.isFinite(serial) || day < 1) return invalid(serial, 'Excel 日期序号无效 / invalid Excel serial');
  if (opts.date1904) return fromDate(new Date(Date.UTC(1904, 0, 1) + day * DAY_MS), serial, opts);
  if (day === 60) return invalid(serial, '1900-02-29 不存在 / Excel phantom leap day');
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return fromDate(new Date(epoch + day * DAY_MS), serial, opts);
}

const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => [number, number, number | 'end']]> = [
  // 2019-11-30, 2019/11/30, 2019.11.30, 2019年11月30日, optionally followed by a time.
  [/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?(?:[t\s]?\d{1,2}[:时].*)?$/i, (m) => [+m[1], +m[2], +m[3]]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [+m[1], +m[2], +m[3]]],
  [/^(\d{4})[-/.年](\d{1,2})月?(?:底|末|份)?$/, (m) => [+m[1], +m[2], 'end']],
  [/^(\d{4})年?(?:底|末|年底|年末|下半年|全年)?$/, (m) => [+m[1], 12, 'end']],
  [/^(\d{4})年?(?:上半年|年中)$/, (m) => [+m[1], 6, 'end']],
];

export function parseSheetDateText(text: string, opts: SheetDateOptions = {}): SheetDate {
  const s = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!s) return { kind: 'empty' };
  if (LONG_TERM.test(s)) return { kind: 'long_term' };
  // "2019年12月底前完成" is a deadline phrased as a sentence; the date is what counts.
  const core = s.replace(/\s*(?:以前|之前|前)?(?:完成|办结|整改到位|到位)?[。.]?$/, '').replace(/^(?:于|在)/, '');
  const compact = core.includes(':') ? core : core.replace(/\s/g, '');
  for (const [re, pick] of PATTERNS) {
    const m = compact.match(re);
    if (m) {
      const [y, mo, d] = pick(m);
      return ymd(y, mo, d, text, opts);
    }
  }
  if (/^\d{1,7}(\.\d+)?$/.test(compact)) return fromExcelSerial(Number(compact), opts);
  return invalid(text);
}

/** Accepts whatever ExcelJS puts in a cell (Date, number, string, formula, rich text, hyperlink). */
export function parseSheetDate(value: unknown, opts: SheetDateOptions = {}): SheetDate {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (value instanceof Date) return fromDate(value, value, opts);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999)
      return parseSheetDateText(String(value), opts);
    return fromExcelSerial(value, opts);
  }
  if (typeof value === 'string') return parseSheetDateText(value, opts);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return invalid(v.error, '单元格错误 / cell error');
    if ('result' in v) return parseSheetDate(v.result, opts);
    if (Array.isArray(v.richText))
      return parseSheetDateText(v.richText.map((r: { text?: string }) => r.text ?? '').join(''), opts);
    if (typeof v.text === 'string') return parseSheetDateText(v.text, opts);
    if ('formula' in v || 'sharedFormula' in v)
      return invalid(v.formula ?? v.sharedFormula, '公式没有计算结果 / formula has no cached result');
  }
  return invalid(value);
}
