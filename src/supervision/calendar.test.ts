import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.js';
import { WorkCalendar, addMonths, daysBetween, defaultCalendar, parseDate } from './calendar.js';

const cal = defaultCalendar();

describe('shipped calendar data', () => {
  it('keeps the source notes and says where it was copied from', () => {
    const raw = JSON.parse(readFileSync(new URL('./data/cn-holidays.json', import.meta.url), 'utf8'));
    expect(raw.copied_from).toMatch(/shared/);
    expect(raw.years['2025'].source).toMatch(/国办发明电/);
    expect(raw.years['2026'].source).toMatch(/2026/);
    expect(cal.hasYear(2025) && cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    // 2025 Spring Festival: 01-28..02-04 off; Sunday 01-26 and Saturday 02-08 are 调休 workdays.
    ['2025-01-25', false],
    ['2025-01-26', true],
    ['2025-01-27', true],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    ['2025-02-09', false],
    // 2026 Spring Festival: 02-15..02-23 off; Saturdays 02-14 and 02-28 are workdays.
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
    // National Day 2025 (Wed 10-01..Wed 10-08) with Sunday 09-28 and Saturday 10-11 working.
    ['2025-09-27', false],
    ['2025-09-28', true],
    ['2025-10-01', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
    // National Day 2026 with Sunday 09-20 and Saturday 10-10 working.
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-10-07', false],
    ['2026-10-10', true],
    // Ordinary week.
    ['2025-11-14', true],
    ['2025-11-15', false],
    ['2025-11-16', false],
    ['2025-11-17', true],
  ])('%s → %s', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('names holidays and 调休 days', () => {
    expect(cal.dayName('2026-02-17')).toBe('春节');
    expect(cal.dayName('2025-09-28')).toBe('国庆节、中秋节');
    expect(cal.dayName('2025-11-14')).toBeNull();
  });

  it('falls back to plain weekends for years without data', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday; 2027 not yet published
    expect(cal.isWorkingDay('2027-01-02')).toBe(false);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-02-30', '2025-2-3', '20250203', '', '2025-13-01']) {
      expect(() => cal.isWorkingDay(bad)).toThrow(AppError);
    }
  });
});

describe('addWorkingDays / nextWorkingDay', () => {
  it.each([
    ['2025-01-24', 0, '2025-01-24'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-24', 5, '2025-02-07'],
    ['2025-01-26', 5, '2025-02-08'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-14', 5, '2026-02-28'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-26', 15, '2025-10-23'],
    ['2026-09-18', 15, '2026-10-15'],
    // Year boundary: 2026-01-01..03 off, Sunday 2026-01-04 worked.
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 2, '2026-01-05'],
    ['2025-12-31', 15, '2026-01-22'],
    // Ordinary Monday: 5 working days later is the next Monday (start day not counted).
    ['2025-11-17', 5, '2025-11-24'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(cal.addWorkingDays(date, n)).toBe(expected);
  });

  it('n = 0 on a rest day gives the next working day', () => {
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-11-15', 0)).toBe('2025-11-17');
  });

  it('refuses negative or fractional n', () => {
    expect(() => cal.addWorkingDays('2025-11-17', -1)).toThrow(AppError);
    expect(() => cal.addWorkingDays('2025-11-17', 1.5)).toThrow(AppError);
  });

  it('nextWorkingDay is strictly after the date', () => {
    expect(cal.nextWorkingDay('2025-11-17')).toBe('2025-11-18');
    expect(cal.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(cal.nextWorkingDay('2025-12-31')).toBe('2026-01-04');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-01-27', '2025-02-10', 5],
    ['2025-01-24', '2025-02-07', 5],
    ['2025-12-31', '2026-01-05', 2],
    ['2025-09-30', '2025-10-11', 3],
    ['2025-11-17', '2025-11-17', 0],
    ['2025-11-15', '2025-11-16', 0],
    ['2025-11-24', '2025-11-17', -5],
    ['2025-10-09', '2025-09-30', -1],
  ])('(%s, %s] → %i', (a, b, n) => {
    expect(cal.workingDaysBetween(a, b)).toBe(n);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2025-01-20', '2025-09-25', '2025-12-29', '2026-02-10']) {
      for (const n of [1, 2, 5, 15, 30]) expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('addWorkingHours', () => {
  it('counts clock time on working days only (Beijing time)', () => {
    // Tue 2025-09-30 10:00 +08:00, 24 h: 14 h left that day, Oct 1–8 skipped, 10 h on Oct 9.
    expect(cal.addWorkingHours('2025-09-30T02:00:00Z', 24)).toBe('2025-10-09T02:00:00.000Z');
    expect(cal.addWorkingHours('2025-11-17T02:00:00Z', 2)).toBe('2025-11-17T04:00:00.000Z');
    // Fri 16:30 + 24 h → Mon 16:30.
    expect(cal.addWorkingHours('2025-11-14T08:30:00Z', 24)).toBe('2025-11-17T08:30:00.000Z');
  });

  it('starts the clock at midnight of the next working day when started on a rest day', () => {
    expect(cal.addWorkingHours('2025-10-03T04:00:00Z', 2)).toBe('2025-10-08T18:00:00.000Z');
    expect(cal.addWorkingHours('2025-10-03T04:00:00Z', 0)).toBe('2025-10-08T16:00:00.000Z');
  });

  it('ending exactly at midnight before a weekend ends on that midnight', () => {
    expect(cal.addWorkingHours('2025-11-13T16:00:00Z', 24)).toBe('2025-11-14T16:00:00.000Z');
  });

  it('handles DST in other zones', () => {
    // Fri 2025-03-07 20:00 EST + 6 h: 4 h Friday, weekend skipped (DST starts Sun), 2 h Monday EDT.
    expect(cal.addWorkingHours('2025-03-08T01:00:00Z', 6, 'America/New_York')).toBe('2025-03-10T06:00:00.000Z');
    // A worked Sunday that is 25 hours long (DST ends 2025-11-02).
    const worked = new WorkCalendar({
      years: { 2025: { days_off: [], adjusted_workdays: [{ date: '2025-11-02', name: 'x' }] } },
    });
    expect(worked.addWorkingHours('2025-11-02T04:00:00Z', 25, 'America/New_York')).toBe('2025-11-03T05:00:00.000Z');
  });

  it('rejects bad input', () => {
    expect(() => cal.addWorkingHours('yesterday', 1)).toThrow(AppError);
    expect(() => cal.addWorkingHours('2025-11-17T02:00:00Z', -1)).toThrow(AppError);
  });
});

describe('construction and helpers', () => {
  it('rejects contradictory data', () => {
    const day = { date: '2025-11-15', name: 'x' };
    expect(() => new WorkCalendar({ years: { 2025: { days_off: [day], adjusted_workdays: [day] } } })).toThrow(
      AppError,
    );
    expect(
      () =>
        new WorkCalendar({ years: { 2025: { days_off: [{ date: '2025-02-30', name: 'x' }], adjusted_workdays: [] } } }),
    ).toThrow(AppError);
  });

  it('date helpers do UTC arithmetic', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(parseDate('1970-01-02')).toBe(86_400_000);
  });
});
