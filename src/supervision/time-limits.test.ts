import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { defaultCalendar } from './calendar.js';
import {
  DEFAULT_TIME_LIMITS,
  TIERS,
  URGENCIES,
  defaultDeadline,
  dispatchDeadline,
  isTier,
  isUrgency,
  returnWindowEnd,
  signForDeadline,
  timeLimitConfig,
} from './time-limits.js';

const cal = defaultCalendar();

describe('defaults from the brief', () => {
  it('ships the tiers and limits', () => {
    expect(TIERS).toEqual(['immediate', 'enquiry', 'simple', 'cross_department', 'historic']);
    expect(URGENCIES).toEqual(['emergency', 'utilities', 'normal']);
    expect(DEFAULT_TIME_LIMITS.tiers).toEqual({
      immediate: { amount: 1, unit: 'working_days' },
      enquiry: { amount: 1, unit: 'calendar_days' },
      simple: { amount: 5, unit: 'working_days' },
      cross_department: { amount: 15, unit: 'working_days' },
      historic: { amount: 1, unit: 'calendar_months' },
    });
    expect(DEFAULT_TIME_LIMITS.dispatchHours).toEqual({ emergency: 1, utilities: 2, normal: 24 });
    expect(DEFAULT_TIME_LIMITS.signForHours).toBe(2);
    expect(DEFAULT_TIME_LIMITS.returnWindowWorkingDays).toBe(2);
  });

  it('cannot be mutated by a careless caller', () => {
    expect(() => {
      (DEFAULT_TIME_LIMITS.tiers.simple as { amount: number }).amount = 1;
    }).toThrow(TypeError);
  });

  it('type guards', () => {
    expect(isTier('simple') && !isTier('hard')).toBe(true);
    expect(isUrgency('utilities') && !isUrgency('urgent')).toBe(true);
  });
});

describe('defaultDeadline', () => {
  it.each([
    ['2025-09-26', 'simple', '2025-10-10'], // across National Day, 调休 Sunday 09-28 counts
    ['2025-09-26', 'cross_department', '2025-10-23'],
    ['2025-09-30', 'immediate', '2025-10-09'],
    ['2025-11-17', 'simple', '2025-11-24'],
    ['2025-11-13', 'enquiry', '2025-11-14'],
    ['2025-11-14', 'enquiry', '2025-11-17'], // Saturday rolls to Monday
    ['2025-09-30', 'enquiry', '2025-10-09'],
    ['2025-01-15', 'historic', '2025-02-17'], // 02-15 is a Saturday
    ['2025-12-31', 'historic', '2026-02-02'], // 2026-01-31 is a Saturday
    ['2026-01-15', 'historic', '2026-02-24'], // 02-15 is in Spring Festival
    ['2025-03-31', 'historic', '2025-04-30'], // month-end clamp, a Wednesday
    ['2025-12-31', 'simple', '2026-01-08'], // 01-01..03 off, Sunday 01-04 worked
  ] as const)('%s %s → %s', (from, tier, due) => {
    expect(defaultDeadline(cal, from, tier)).toBe(due);
    expect(defaultDeadline(cal, from, tier, 'normal')).toBe(due);
    expect(defaultDeadline(cal, from, tier, 'utilities')).toBe(due);
  });

  it('caps emergencies at one working day, never lengthening', () => {
    expect(defaultDeadline(cal, '2025-09-30', 'simple', 'emergency')).toBe('2025-10-09');
    expect(defaultDeadline(cal, '2025-11-14', 'historic', 'emergency')).toBe('2025-11-17');
    expect(defaultDeadline(cal, '2025-11-14', 'enquiry', 'emergency')).toBe('2025-11-17');
    const zero = timeLimitConfig({ tiers: { simple: { amount: 0, unit: 'working_days' } } });
    expect(defaultDeadline(cal, '2025-11-17', 'simple', 'emergency', zero)).toBe('2025-11-17');
  });

  it('honours overrides', () => {
    const c = timeLimitConfig({
      tiers: { simple: { amount: 3, unit: 'working_days' }, enquiry: { amount: 2, unit: 'working_days' } },
      urgencyCapWorkingDays: { utilities: 2, emergency: null },
    });
    expect(defaultDeadline(cal, '2025-11-17', 'simple', 'normal', c)).toBe('2025-11-20');
    expect(defaultDeadline(cal, '2025-11-17', 'cross_department', 'utilities', c)).toBe('2025-11-19');
    expect(defaultDeadline(cal, '2025-11-17', 'cross_department', 'emergency', c)).toBe('2025-12-08');
    expect(defaultDeadline(cal, '2025-11-14', 'enquiry', 'normal', c)).toBe('2025-11-18');
    expect(c.tiers.historic).toEqual(DEFAULT_TIME_LIMITS.tiers.historic);
  });

  it('rejects unknown tiers and urgencies', () => {
    expect(() => defaultDeadline(cal, '2025-11-17', 'hard' as never)).toThrow(AppError);
    expect(() => defaultDeadline(cal, '2025-11-17', 'simple', 'urgent' as never)).toThrow(AppError);
  });
});

describe('config validation', () => {
  it.each([
    { signForHours: -1 },
    { returnWindowWorkingDays: 1.5 },
    { dispatchHours: { normal: Number.NaN } },
    { tiers: { simple: { amount: 2.5, unit: 'working_days' as const } } },
    { urgencyCapWorkingDays: { utilities: -2 } },
  ])('refuses %j', (o) => {
    expect(() => timeLimitConfig(o)).toThrow(AppError);
  });
});

describe('dispatch, sign-for and return limits', () => {
  it('emergencies and utilities run on the clock, holidays included', () => {
    expect(dispatchDeadline(cal, '2025-10-03T04:00:00Z', 'emergency')).toBe('2025-10-03T05:00:00.000Z');
    expect(dispatchDeadline(cal, '2025-10-03T04:00:00Z', 'utilities')).toBe('2025-10-03T06:00:00.000Z');
    expect(signForDeadline(cal, '2025-09-30T15:00:00Z', 'emergency')).toBe('2025-09-30T17:00:00.000Z');
  });

  it('normal items skip rest days', () => {
    // Friday 16:30 Beijing + 24 h → Monday 16:30.
    expect(dispatchDeadline(cal, '2025-11-14T08:30:00Z', 'normal')).toBe('2025-11-17T08:30:00.000Z');
    // Tuesday 23:00 Beijing before National Day: 1 h that night, 1 h after midnight on 10-09.
    expect(signForDeadline(cal, '2025-09-30T15:00:00Z', 'normal')).toBe('2025-10-08T17:00:00.000Z');
    expect(signForDeadline(cal, '2025-11-17T02:00:00Z', 'normal')).toBe('2025-11-17T04:00:00.000Z');
  });

  it('overrides the clock and hours', () => {
    const c = timeLimitConfig({ hourClock: { emergency: 'working' }, dispatchHours: { emergency: 3 } });
    expect(dispatchDeadline(cal, '2025-10-03T04:00:00Z', 'emergency', c)).toBe('2025-10-08T19:00:00.000Z');
  });

  it('return window is two working days after dispatch', () => {
    expect(returnWindowEnd(cal, '2025-09-29')).toBe('2025-10-09');
    expect(returnWindowEnd(cal, '2025-11-17')).toBe('2025-11-19');
    expect(returnWindowEnd(cal, '2025-11-17', timeLimitConfig({ returnWindowWorkingDays: 1 }))).toBe('2025-11-18');
  });

  it('rejects a bad instant on the calendar clock too', () => {
    expect(() => dispatchDeadline(cal, 'soon', 'emergency')).toThrow(AppError);
  });
});
