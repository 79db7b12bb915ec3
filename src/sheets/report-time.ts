/**
 * The 反映时间 / 留言时间 of a citizen's message: a day and, usually, a time of day in the city's
 * own clock ("2019/5/9 13:39:11", an Excel date-time, a serial with a fraction). It becomes the
 * item's created_at, so the instant is computed in the configured time zone. A bare day is taken
 * at local noon, which keeps it on that day in every report.
 */
import { localMidnight } from '../assessment/month-window.js';
import { cellRaw } from './cell-value.js';
import { parseSheetDate, type SheetDateOptions } from './dates.js';

export type ReportTime = { kind: 'time'; iso: string } | { kind: 'empty' } | { kind: 'invalid'; message: string };

const DAY_MS = 86_400_000;
const TIME = /[t\s](\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?/i;

/** Seconds into the day that the cell names, or null when it names only a day. */
function secondsOfDay(value: unknown): number | null {
  if (value instanceof Date) {
    // ExcelJS gives a date-time as its wall-clock reading in UTC.
    const s = Math.round((value.getTime() % DAY_MS) / 1000);
    return s === 0 ? null : s;
  }
  if (typeof value === 'number' && !Number.isInteger(value) && value < 10_000_000) {
    const s = Math.min(86_399, Math.round((value - Math.floor(value)) * 86_400));
    return s === 0 ? null : s;
  }
  if (typeof value === 'string') {
    const m = value.normalize('NFKC').match(TIME);
    if (m) return +m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0);
  }
  return null;
}

export function parseReportTime(cell: unknown, tz: string, opts: SheetDateOptions = {}): ReportTime {
  const raw = cellRaw(cell);
  const text = raw && typeof raw === 'object' && 'richText' in raw ? (raw as { richText: { text: string }[] }) : null;
  const value = text ? text.richText.map((r) => r.text).join('') : raw;
  const d = parseSheetDate(value, opts);
  if (d.kind === 'empty') return { kind: 'empty' };
  if (d.kind === 'invalid') return d;
  if (d.kind === 'long_term') return { kind: 'invalid', message: '反映时间必须是日期 / not a date' };
  const secs = secondsOfDay(value);
  if (secs !== null && secs >= 86_400) return { kind: 'invalid', message: '时间无效 / no such time of day' };
  const midnight = Date.parse(localMidnight(d.date, tz));
  return { kind: 'time', iso: new Date(midnight + (secs ?? 12 * 3600) * 1000).toISOString() };
}
