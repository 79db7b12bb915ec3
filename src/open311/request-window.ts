/**
 * The time window of GET requests and servicerequestupdates. The spec's default is "a span of
 * 90 days or the first 1000 requests, whichever is smallest"; a window given by one end only
 * extends 90 days from it, so every query is bounded and a client can page by moving the dates.
 */
import { MAX_SPAN_DAYS, type DateRange } from './params.js';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function requestWindow(range: DateRange, now: Date): { from: string; to: string } {
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (range.startDate && range.endDate) return { from: range.startDate, to: range.endDate };
  if (range.startDate) return { from: range.startDate, to: iso(Date.parse(range.startDate) + span) };
  if (range.endDate) return { from: iso(Date.parse(range.endDate) - span), to: range.endDate };
  return { from: iso(now.getTime() - span), to: now.toISOString() };
}
