import { describe, expect, it } from 'vitest';
import { isoWeekday, lastDueDate, missedWeek, nextDueDate, weekStart } from './weekly-report-rule.js';

describe('weekly report duty', () => {
  it('finds the due days around a date', () => {
    expect(isoWeekday('2026-11-02')).toBe(1);
    expect(isoWeekday('2026-11-08')).toBe(7);
    // Friday reports: on Friday itself the last due day is the week before (today may still report).
    expect(lastDueDate('2026-11-06', 5)).toBe('2026-10-30');
    expect(lastDueDate('2026-11-07', 5)).toBe('2026-11-06');
    expect(nextDueDate('2026-11-06', 5)).toBe('2026-11-06');
    expect(nextDueDate('2026-11-07', 5)).toBe('2026-11-13');
    expect(weekStart('2026-11-13')).toBe('2026-11-07');
  });

  const facts = (signedDate: string | null, lastReportDate: string | null, status = 'in_progress') => ({
    status,
    signedDate,
    lastReportDate,
  });

  it('owes nothing for a week the unit did not fully hold the item', () => {
    expect(missedWeek(facts('2026-11-07', null), '2026-11-13')).toBe(false);
    expect(missedWeek(facts('2026-11-06', null), '2026-11-13')).toBe(true);
  });

  it('counts any report since the week began, and only for items being worked on', () => {
    expect(missedWeek(facts('2026-11-02', '2026-11-06'), '2026-11-13')).toBe(true);
    expect(missedWeek(facts('2026-11-02', '2026-11-07'), '2026-11-13')).toBe(false);
    expect(missedWeek(facts('2026-11-02', '2026-11-16'), '2026-11-13')).toBe(false); // a late report clears "now"
    expect(missedWeek(facts('2026-11-02', null, 'rectified'), '2026-11-13')).toBe(false);
    expect(missedWeek(facts('2026-11-02', null, 'long_term'), '2026-11-13')).toBe(true);
    expect(missedWeek(facts(null, null), '2026-11-13')).toBe(false);
  });
});
