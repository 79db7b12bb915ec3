/**
 * The weekly-report duty (周督): every item being worked on reports progress once a week, due on a
 * configured weekday. Pure date rules, so the job, the warning and the item view agree.
 */
import { addDays, parseDate } from './calendar.js';

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(parseDate(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The latest due day strictly before `today`: on the due day itself the unit may still report. */
export function lastDueDate(today: string, weekday: number): string {
  const back = (isoWeekday(today) - weekday + 7) % 7 || 7;
  return addDays(today, -back);
}

/** The next due day on or after `today`. */
export function nextDueDate(today: string, weekday: number): string {
  return addDays(today, (weekday - isoWeekday(today) + 7) % 7);
}

/** The week a due day closes: the six days before it and the day itself. */
export const weekStart = (dueDate: string) => addDays(dueDate, -6);

export interface WeeklyFacts {
  status: string;
  /** Local date the unit signed for the item (work began); null if never. */
  signedDate: string | null;
  /** Local date of the latest progress report; null if none. */
  lastReportDate: string | null;
}

export const REPORTING_STATES = ['in_progress', 'long_term'];

/**
 * Whether the week that ended on `dueDate` lacks its report. A unit that signed during that week
 * had no full week to report on, so it owes nothing yet. Any report since the week began counts,
 * so a late report clears the flag for "now" while the miss the job recorded stays on file.
 */
export function missedWeek(f: WeeklyFacts, dueDate: string): boolean {
  if (!REPORTING_STATES.includes(f.status) || f.signedDate === null) return false;
  const start = weekStart(dueDate);
  if (f.signedDate >= start) return false;
  return f.lastReportDate === null || f.lastReportDate < start;
}
