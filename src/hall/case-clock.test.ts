import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../supervision/calendar.js';
import { caseWarning, dueDate, pauseLength, workingDaysUsed } from './case-clock.js';
import { allowedCaseActions, refusal } from './case-states.js';

const cal = defaultCalendar();

describe('the promised-time clock', () => {
  it('counts working days from acceptance, skipping the National Day holiday', () => {
    // Accepted on Monday 2026-09-28 with 5 promised days: 10-01..10-07 are off, 10-10 (Sat) is a workday.
    expect(dueDate(cal, { acceptedOn: '2026-09-28', promisedDays: 5, pausedDays: 0 })).toBe(
      cal.addWorkingDays('2026-09-28', 5),
    );
    expect(dueDate(cal, { acceptedOn: '2026-11-02', promisedDays: 3, pausedDays: 2 })).toBe('2026-11-09');
  });
  it('leaves paused working days out of the time used', () => {
    expect(pauseLength(cal, '2026-11-04', '2026-11-06')).toBe(2);
    expect(pauseLength(cal, '2026-11-06', '2026-11-06')).toBe(0);
    expect(workingDaysUsed(cal, { acceptedOn: '2026-11-02', promisedDays: 5, pausedDays: 2 }, '2026-11-09')).toBe(3);
  });
  it('warns blue near the due date, yellow when not taken up, red when overdue, nothing while paused', () => {
    const base = { acceptedOn: '2026-11-02', dueDate: '2026-11-13' };
    expect(caseWarning({ ...base, status: 'reviewing', today: '2026-11-03' }, cal, {}).level).toBe('none');
    expect(caseWarning({ ...base, status: 'reviewing', today: '2026-11-10' }, cal, {}).level).toBe('blue');
    expect(caseWarning({ ...base, status: 'accepted', today: '2026-11-04' }, cal, {})).toEqual({
      level: 'yellow',
      reasons: ['missed_milestone'],
    });
    expect(caseWarning({ ...base, status: 'reviewing', today: '2026-11-16' }, cal, {}).reasons).toEqual(['overdue']);
    expect(caseWarning({ ...base, status: 'supplement', today: '2026-11-16' }, cal, {}).level).toBe('none');
  });
});

describe('the case state table', () => {
  it('gives no result before the department has reviewed', () => {
    expect(refusal('accepted', 'approve', 'department', {})).toMatchObject({ code: 'invalid_transition' });
    expect(refusal('reviewing', 'issue', 'window', { method: 'window' })?.message.zh).toMatch(/审查决定之前/);
    expect(refusal('approved', 'issue', 'window', { method: 'window' })).toBeNull();
  });
  it('keeps each side to its steps and asks for reasons', () => {
    expect(refusal('accepted', 'review', 'window', {})).toMatchObject({ code: 'forbidden' });
    expect(refusal('reviewing', 'refuse', 'department', { reason: ' ' })).toMatchObject({ code: 'validation_failed' });
    expect(allowedCaseActions('reviewing', 'department')).toEqual([
      'supply',
      'request_supplement',
      'approve',
      'refuse',
    ]);
    expect(allowedCaseActions('issued', 'window')).toEqual([]);
  });
});
