import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { STATES } from '../lifecycle/lifecycle.js';
import { defaultCalendar } from './calendar.js';
import { type WarningInput, DEFAULT_WARNING_THRESHOLDS, computeWarning, maxLevel } from './warning-level.js';

const calendar = defaultCalendar();

/** On track, deadline far away: no warning. Each case changes only what it is about. */
const base: WarningInput = {
  status: 'in_progress',
  deadline: '2025-11-28',
  today: '2025-11-17',
  plannedPercent: 40,
  reportedPercent: 40,
  missedMilestones: 0,
  missingWeeklyReport: false,
  calendar,
};
const w = (patch: Partial<WarningInput>, t = {}) => computeWarning({ ...base, ...patch }, t);

describe('computeWarning', () => {
  it('defaults', () => {
    expect(DEFAULT_WARNING_THRESHOLDS).toEqual({
      blueWithinWorkingDays: 3,
      yellowBehindPoints: 10,
      redBehindPoints: 30,
    });
  });

  it.each([
    ['on track, far', {}, 'none', []],
    ['ahead of plan', { reportedPercent: 90 }, 'none', []],
    // Mon 11-17 → Thu 11-20 is 3 working days: near; Fri 11-21 is 4: not.
    ['deadline in 3 working days', { deadline: '2025-11-20' }, 'blue', ['deadline_near']],
    ['deadline in 4 working days', { deadline: '2025-11-21' }, 'none', []],
    ['deadline today', { deadline: '2025-11-17' }, 'blue', ['deadline_near']],
    ['overdue by a day', { deadline: '2025-11-16' }, 'red', ['overdue']],
    ['9.9 points behind', { plannedPercent: 49.9 }, 'none', []],
    ['10 points behind', { plannedPercent: 50 }, 'yellow', ['behind_plan']],
    ['29 points behind', { plannedPercent: 69 }, 'yellow', ['behind_plan']],
    ['30 points behind', { plannedPercent: 70 }, 'red', ['behind_plan']],
    ['missed milestone', { missedMilestones: 2 }, 'yellow', ['missed_milestone']],
    ['no weekly report', { missingWeeklyReport: true }, 'yellow', ['missing_weekly_report']],
    ['plan unknown', { plannedPercent: null, reportedPercent: 0 }, 'none', []],
    ['no report yet', { plannedPercent: 80, reportedPercent: null }, 'none', []],
    ['no deadline', { deadline: null }, 'none', []],
    [
      'yellow beats blue',
      { deadline: '2025-11-19', missingWeeklyReport: true },
      'yellow',
      ['missing_weekly_report', 'deadline_near'],
    ],
    [
      'red beats yellow',
      { deadline: '2025-11-14', missedMilestones: 1, plannedPercent: 55 },
      'red',
      ['overdue', 'behind_plan', 'missed_milestone'],
    ],
    [
      'everything at once',
      { deadline: '2025-11-01', plannedPercent: 100, missedMilestones: 1, missingWeeklyReport: true },
      'red',
      ['overdue', 'behind_plan', 'missed_milestone', 'missing_weekly_report'],
    ],
  ] as const)('%s', (_name, patch, level, reasons) => {
    expect(w(patch as Partial<WarningInput>)).toEqual({ level, reasons });
  });

  it('counts working days over holidays for "near"', () => {
    // Tue 09-30 → Thu 10-09: one working day away across National Day.
    expect(w({ today: '2025-09-30', deadline: '2025-10-09' }).level).toBe('blue');
    // Fri 09-26 → Fri 10-10: 09-28 (调休), 29, 30, 10-09, 10-10 = 5 working days.
    expect(w({ today: '2025-09-26', deadline: '2025-10-10' }).level).toBe('none');
    expect(w({ today: '2025-09-26', deadline: '2025-10-09' }, { blueWithinWorkingDays: 4 }).level).toBe('blue');
  });

  it('only working states get warnings', () => {
    const alarming = { deadline: '2025-11-01', plannedPercent: 100, missedMilestones: 3, missingWeeklyReport: true };
    const warned = STATES.filter((status) => w({ ...alarming, status }).level !== 'none');
    expect(warned).toEqual(['assigned', 'in_progress', 'long_term']);
    expect(w({ ...alarming, status: 'rectified' })).toEqual({ level: 'none', reasons: [] });
  });

  it('long-term items are measured against their checkpoint', () => {
    expect(w({ status: 'long_term', deadline: '2025-11-10' }).reasons).toEqual(['overdue']);
  });

  it('takes threshold overrides', () => {
    expect(w({ plannedPercent: 50 }, { yellowBehindPoints: 15 }).level).toBe('none');
    expect(w({ plannedPercent: 60 }, { redBehindPoints: 20 }).level).toBe('red');
    expect(w({ deadline: '2025-11-18' }, { blueWithinWorkingDays: 0 }).level).toBe('none');
  });

  it('rejects inconsistent thresholds and bad dates', () => {
    expect(() => w({}, { yellowBehindPoints: 40 })).toThrow(AppError);
    expect(() => w({}, { blueWithinWorkingDays: -1 })).toThrow(AppError);
    expect(() => w({ today: '2025-11-31' })).toThrow(AppError);
    expect(() => w({ deadline: 'soon' })).toThrow(AppError);
  });

  it('maxLevel orders none < blue < yellow < red', () => {
    expect(maxLevel('blue', 'yellow')).toBe('yellow');
    expect(maxLevel('red', 'none')).toBe('red');
    expect(maxLevel('none', 'none')).toBe('none');
  });
});
