import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../supervision/calendar.js';
import { docNumber, isOverdue, letterStatus, replyDeadline } from './letter-rules.js';

describe('letter numbers', () => {
  it('prints the year, the kind word and the serial', () => {
    expect(docNumber('letter', 2026, 12)).toBe('〔2026〕督字第 12 号');
    expect(docNumber('summons', 2027, 1)).toBe('〔2027〕约字第 1 号');
  });
  it('refuses a serial that is not a positive whole number', () => {
    expect(() => docNumber('letter', 2026, 0)).toThrow();
    expect(() => docNumber('letter', 2026, 1.5)).toThrow();
  });
});

describe('reply deadlines', () => {
  const cal = defaultCalendar();
  it('counts working days from the day after issue', () => {
    // Monday 2026-11-02 + 5 working days = Monday 2026-11-09.
    expect(replyDeadline(cal, '2026-11-02', { replyDays: 5 })).toBe('2026-11-09');
    // Friday + 1 working day skips the weekend.
    expect(replyDeadline(cal, '2026-11-06', { replyDays: 1 })).toBe('2026-11-09');
  });
  it('skips the National Day holiday and counts its 调休 Saturday as a workday', () => {
    // 2026-09-30 (Wed) + 1: 10-01..10-07 are off, 10-08 is the first working day after.
    expect(replyDeadline(cal, '2026-09-30', { replyDays: 1 })).toBe('2026-10-08');
    // Spring Festival 2026: 02-15..02-23 off; 02-14 (Sat) and 02-28 (Sat) are adjusted workdays.
    expect(replyDeadline(cal, '2026-02-13', { replyDays: 1 })).toBe('2026-02-14');
    expect(replyDeadline(cal, '2026-02-14', { replyDays: 1 })).toBe('2026-02-24');
  });
  it('defaults to five working days', () => {
    expect(replyDeadline(cal, '2026-11-02', {})).toBe('2026-11-09');
  });
  it('takes a named date, but not one before the issue date', () => {
    expect(replyDeadline(cal, '2026-11-02', { replyBy: '2026-11-02' })).toBe('2026-11-02');
    expect(() => replyDeadline(cal, '2026-11-02', { replyBy: '2026-11-01' })).toThrow(/before today/);
  });
  it('refuses zero, negative and absurd day counts', () => {
    for (const n of [0, -1, 61, 2.5]) expect(() => replyDeadline(cal, '2026-11-02', { replyDays: n })).toThrow();
  });
});

describe('letter state', () => {
  const base = { acknowledged_at: null, replied_at: null, reply_due: '2026-11-09' };
  it('moves from issued to acknowledged to replied', () => {
    expect(letterStatus(base)).toBe('issued');
    expect(letterStatus({ ...base, acknowledged_at: 'x' })).toBe('acknowledged');
    expect(letterStatus({ ...base, acknowledged_at: 'x', replied_at: 'y' })).toBe('replied');
  });
  it('is overdue only after the deadline day and only without a reply', () => {
    expect(isOverdue(base, '2026-11-09')).toBe(false);
    expect(isOverdue(base, '2026-11-10')).toBe(true);
    expect(isOverdue({ ...base, replied_at: '2026-11-10T01:00:00Z' }, '2026-11-11')).toBe(false);
  });
});
