/**
 * Working-day calendar. Time limits are counted in working days (工作日), which skip weekends and
 * public holidays but include adjusted weekend workdays (调休). The calendar is data, per year,
 * because the State Council publishes each year's holidays only in November.
 *
 * Dates are 'YYYY-MM-DD'; all date arithmetic happens on UTC midnights so that no local DST rule
 * can make a day 23 or 25 hours long.
 */
import { readFileSync } from 'node:fs';
import { AppError, say } from '../errors.js';

export interface CalendarDay {
  date: string;
  name: string;
}
export interface CalendarYear {
  source?: string;
  days_off: CalendarDay[];
  adjusted_workdays: CalendarDay[];
}
export interface CalendarData {
  description?: string;
  copied_from?: string;
  years: Record<string, CalendarYear>;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' to a UTC-midnight epoch; rejects impossible dates such as 2025-02-30. */
export function parseDate(date: string): number {
  const m = DATE_RE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || formatDate(ms) !== date) {
    throw new AppError(
      'validation_failed',
      say(`不是日期（YYYY-MM-DD）：“${date}”`, `not a date (YYYY-MM-DD): "${date}"`),
      { date },
    );
  }
  return ms;
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return formatDate(parseDate(date) + n * DAY_MS);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY_MS);
}

/** Add calendar months, clamping to the month's last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string, n: number): string {
  const d = new Date(parseDate(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatDate(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/** Wall-clock date and UTC offset (ms) of an instant in a time zone. */
function localParts(ms: number, tz: string): { date: string; offset: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const p = (t: string) => Number(parts.find((x) => x.type === t)?.value);
  const wall = Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second'));
  return { date: formatDate(wall), offset: wall - Math.floor(ms / 1000) * 1000 };
}

/** The instant a local day starts in `tz` (two passes settle a DST change near midnight). */
function startOfLocalDay(date: string, tz: string): number {
  const midnight = parseDate(date);
  let guess = midnight - localParts(midnight, tz).offset;
  guess = midnight - localParts(guess, tz).offset;
  return guess;
}

export class WorkCalendar {
  private readonly off = new Map<string, string>();
  private readonly work = new Map<string, string>();
  private readonly years: Set<number>;

  constructor(data: CalendarData) {
    for (const [year, y] of Object.entries(data.years)) {
      if (!/^\d{4}$/.test(year))
        throw new AppError(
          'validation_failed',
          say(`日历年份“${year}”不是 YYYY 格式`, `calendar year key "${year}" is not YYYY`),
        );
      for (const d of y.days_off ?? []) this.off.set(formatDate(parseDate(d.date)), d.name);
      for (const d of y.adjusted_workdays ?? []) this.work.set(formatDate(parseDate(d.date)), d.name);
    }
    for (const date of this.work.keys()) {
      if (this.off.has(date))
        throw new AppError(
          'validation_failed',
          say(`${date} 不能既是休息日又是工作日`, `${date} is both a day off and a workday`),
        );
    }
    this.years = new Set(Object.keys(data.years).map(Number));
  }

  /** Years with published data; outside them only weekends are rest days (callers may warn). */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Holiday or 调休 name for a date, e.g. '春节'; null on ordinary days. */
  dayName(date: string): string | null {
    return this.off.get(date) ?? this.work.get(date) ?? null;
  }

  isWorkingDay(date: string): boolean {
    const ms = parseDate(date);
    if (this.off.has(date)) return false;
    if (this.work.has(date)) return true;
    const dow = new Date(ms).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let d = addDays(date, 1);
    // The longest run of rest days in China is about 9 days; 366 guards against bad data.
    for (let i = 0; i < 366 && !this.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }

  /**
   * The n-th working day after `date` — the start day itself is not counted (期间开始之日不计入),
   * so a 5-working-day item dispatched on Monday is due the next Monday. n = 0 returns `date`
   * when it is a working day, else the next working day: "due today" must land on a day someone
   * is at work.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) {
      throw new AppError(
        'validation_failed',
        say(`工作日数必须是 ≥ 0 的整数，实为 ${n}`, `working days must be a whole number ≥ 0, got ${n}`),
      );
    }
    if (n === 0) return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    let d = date;
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /**
   * Working days in (a, b]: the inverse of addWorkingDays, so addWorkingDays(a, n) = b gives n.
   * Negative when b is before a (how many working days overdue); 0 when a = b.
   */
  workingDaysBetween(a: string, b: string): number {
    const sign = parseDate(b) < parseDate(a) ? -1 : 1;
    const [from, to] = sign === 1 ? [a, b] : [b, a];
    let count = 0;
    for (let d = addDays(from, 1); parseDate(d) <= parseDate(to); d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return sign * count;
  }

  /**
   * Add `hours` of clock time that runs only on working days (whole local days in `tz`), and
   * return the ISO UTC instant. We do not model office hours (09:00–17:00): hotline units are
   * staffed around the clock on working days, and a 24-hour limit from Friday 10:00 should end on
   * Monday 10:00, not a week later. Time on rest days does not count; a start on a rest day
   * starts the clock at 00:00 of the next working day.
   */
  addWorkingHours(isoDateTime: string, hours: number, tz = 'Asia/Shanghai'): string {
    let t = Date.parse(isoDateTime);
    if (Number.isNaN(t))
      throw new AppError(
        'validation_failed',
        say(`不是 ISO 日期时间：“${isoDateTime}”`, `not an ISO date-time: "${isoDateTime}"`),
      );
    if (!(hours >= 0) || !Number.isFinite(hours))
      throw new AppError('validation_failed', say(`小时数必须 ≥ 0，实为 ${hours}`, `hours must be ≥ 0, got ${hours}`));
    let left = hours * 3_600_000;
    for (;;) {
      const today = localParts(t, tz).date;
      if (!this.isWorkingDay(today)) {
        t = startOfLocalDay(this.nextWorkingDay(today), tz);
        continue;
      }
      const end = startOfLocalDay(addDays(today, 1), tz);
      // Ending exactly at midnight returns that midnight, i.e. the end of the last working day.
      if (t + left <= end) return new Date(t + left).toISOString();
      left -= end - t;
      t = end;
    }
  }
}

let shipped: WorkCalendar | undefined;

/** The calendar shipped with the code (2025 and 2026 official notices). */
export function defaultCalendar(): WorkCalendar {
  shipped ??= new WorkCalendar(
    JSON.parse(readFileSync(new URL('./data/cn-holidays.json', import.meta.url), 'utf8')) as CalendarData,
  );
  return shipped;
}
