import { describe, expect, it } from 'vitest';
import { isMonth, localMidnight, monthWindow, previousMonth } from './month-window.js';
import { isoWeek, bucketSeries } from '../stats/series.js';

describe("month windows in the city's time zone", () => {
  it('spans local midnights as UTC instants', () => {
    expect(monthWindow('2026-11', 'Asia/Shanghai')).toEqual({
      month: '2026-11',
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      startIso: '2026-10-31T16:00:00.000Z',
      endIso: '2026-11-30T16:00:00.000Z',
    });
    expect(monthWindow('2028-02', 'UTC').lastDay).toBe('2028-02-29');
    // Across a DST change the month still starts at local midnight.
    expect(localMidnight('2026-04-01', 'Europe/Berlin')).toBe('2026-03-31T22:00:00.000Z');
    expect(localMidnight('2026-03-01', 'Europe/Berlin')).toBe('2026-02-28T23:00:00.000Z');
  });

  it('validates months and steps back across a year', () => {
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-01')).toBe(true);
    expect(() => monthWindow('2026-1', 'UTC')).toThrow();
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});

describe('series buckets', () => {
  it('numbers ISO weeks', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-11-02')).toBe('2026-W45');
  });
  it('sums days into months and weeks, oldest first', () => {
    const days = [
      { key: '2026-11-02', count: 2, rectified: 1 },
      { key: '2026-10-30', count: 1, rectified: 0 },
      { key: '2026-11-08', count: 3, rectified: 3 },
    ];
    expect(bucketSeries(days, 'month')).toEqual([
      { period: '2026-10', found: 1, rectified: 0 },
      { period: '2026-11', found: 5, rectified: 4 },
    ]);
    expect(bucketSeries(days, 'week')).toEqual([
      { period: '2026-W44', found: 1, rectified: 0 },
      { period: '2026-W45', found: 5, rectified: 4 },
    ]);
  });
});
