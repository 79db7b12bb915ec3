import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDeadline, offsetMinutes, parseDateTime } from './datetime.js';

describe('formatDateTime', () => {
  it('writes stored UTC instants with the city offset, whole seconds', () => {
    expect(formatDateTime('2026-11-29T14:30:05.678Z', 'Asia/Shanghai')).toBe('2026-11-29T22:30:05+08:00');
    expect(formatDateTime('2026-12-31T16:00:00.000Z', 'Asia/Shanghai')).toBe('2027-01-01T00:00:00+08:00');
    expect(formatDateTime('2026-11-29T14:30:00Z', 'UTC')).toBe('2026-11-29T14:30:00+00:00');
  });

  it('follows daylight saving and negative and half-hour offsets', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(formatDateTime('2026-01-01T12:00:00Z', 'America/New_York')).toBe('2026-01-01T07:00:00-05:00');
    expect(formatDateTime('2026-01-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-01T17:30:00+05:30');
    expect(offsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'America/St_Johns')).toBe(-210);
  });

  it('round-trips through parseDateTime', () => {
    const stored = '2026-03-08T06:59:59.000Z';
    expect(parseDateTime(formatDateTime(stored, 'America/New_York'))).toBe(stored);
  });

  it('refuses what is not an instant', () => {
    expect(() => formatDateTime('not a date', 'Asia/Shanghai')).toThrow(/ISO-8601/);
  });
});

describe('formatDeadline', () => {
  it('reads a date as the end of that day in the city', () => {
    expect(formatDeadline('2026-12-10', 'Asia/Shanghai')).toBe('2026-12-10T23:59:59+08:00');
    expect(formatDeadline('2026-03-08', 'America/New_York')).toBe('2026-03-08T23:59:59-04:00');
  });
  it('writes a full instant as it is', () => {
    expect(formatDeadline('2026-12-10T02:00:00Z', 'Asia/Shanghai')).toBe('2026-12-10T10:00:00+08:00');
  });
});

describe('parseDateTime', () => {
  it('needs a zone and a real calendar date', () => {
    expect(parseDateTime('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(parseDateTime('2026-02-29T00:00:00Z')).toBeNull();
    expect(parseDateTime('2026-11-29T08:00:00')).toBeNull();
    expect(parseDateTime('2026-11-29T08:00:00+25:00')).toBeNull();
    expect(parseDateTime(' 2026-11-29 08:00:00z ')).toBe('2026-11-29T08:00:00.000Z');
  });

  it('reads fractions (dot or comma, up to nanoseconds) and offsets across midnight', () => {
    expect(parseDateTime('2026-11-29T08:00:00,25+08:00')).toBe('2026-11-29T00:00:00.250Z');
    expect(parseDateTime('2026-11-29T08:00:00.123456789Z')).toBe('2026-11-29T08:00:00.123Z');
    expect(parseDateTime('2026-01-01T01:00:00+08:00')).toBe('2025-12-31T17:00:00.000Z');
    expect(parseDateTime('2026-11-29T08:00:60Z')).toBeNull();
  });
});
