import { AppError, say } from '../errors.js';
import { addMonths, formatDate, parseDate } from '../supervision/calendar.js';

/** A month ('2026-11') as local days and as the UTC instants it spans in the city's time zone. */
export interface MonthWindow {
  month: string;
  firstDay: string;
  lastDay: string;
  startIso: string;
  endIso: string;
}

export function isMonth(month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}

function offsetMs(ms: number, tz: string): number {
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
  return (
    Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second')) - Math.floor(ms / 1000) * 1000
  );
}

/** The instant a local day begins (two passes settle a DST change near midnight). */
export function localMidnight(date: string, tz: string): string {
  const midnight = parseDate(date);
  let guess = midnight - offsetMs(midnight, tz);
  guess = midnight - offsetMs(guess, tz);
  return new Date(guess).toISOString();
}

export function monthWindow(month: string, tz: string): MonthWindow {
  if (!isMonth(month))
    throw new AppError(
      'validation_failed',
      say(`不是月份（YYYY-MM）：“${month}”`, `not a month (YYYY-MM): "${month}"`),
      { field: 'month' },
    );
  const firstDay = `${month}-01`;
  const next = addMonths(firstDay, 1);
  return {
    month,
    firstDay,
    lastDay: formatDate(parseDate(next) - 86_400_000),
    startIso: localMidnight(firstDay, tz),
    endIso: localMidnight(next, tz),
  };
}

export const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);
