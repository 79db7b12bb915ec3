import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { defaultCalendar } from './calendar.js';
import { type Milestone, backSchedule, missedMilestones, plannedProgress, rollUp } from './planned-progress.js';

const cal = defaultCalendar();

// Two windows of 10 calendar days each: A (weight 1) 11-01..11-11, B (weight 3) 11-11..11-21.
const plan: Milestone[] = [
  { name: '制定方案', dueDate: '2025-11-11', weight: 1, doneAt: '2025-11-10' },
  { name: '完成施工', dueDate: '2025-11-21', weight: 3 },
];

describe('plannedProgress', () => {
  it.each([
    ['2025-10-25', 0],
    ['2025-11-01', 0],
    ['2025-11-06', 12.5],
    ['2025-11-11', 25],
    ['2025-11-16', 62.5],
    ['2025-11-20', 92.5],
    ['2025-11-21', 100],
    ['2025-12-31', 100],
  ])('on %s → %s percent', (today, pct) => {
    expect(plannedProgress(plan, '2025-11-01', today)).toBeCloseTo(pct, 9);
  });

  it('does not depend on input order', () => {
    expect(plannedProgress([...plan].reverse(), '2025-11-01', '2025-11-16')).toBeCloseTo(62.5, 9);
  });

  it('counts a milestone due on or before the start as planned done from its due date', () => {
    const ms: Milestone[] = [
      { name: 'a', dueDate: '2025-11-01', weight: 1 },
      { name: 'b', dueDate: '2025-11-05', weight: 1 },
    ];
    expect(plannedProgress(ms, '2025-11-01', '2025-10-31')).toBe(0);
    expect(plannedProgress(ms, '2025-11-01', '2025-11-01')).toBe(50);
    expect(plannedProgress(ms, '2025-11-01', '2025-11-03')).toBe(75);
  });

  it('shares equally when nobody set weights', () => {
    const ms = plan.map((m) => ({ ...m, weight: 0 }));
    expect(plannedProgress(ms, '2025-11-01', '2025-11-11')).toBe(50);
  });

  it('treats two milestones on the same day as one window', () => {
    const ms: Milestone[] = [
      { name: 'a', dueDate: '2025-11-11', weight: 1 },
      { name: 'b', dueDate: '2025-11-11', weight: 1 },
    ];
    expect(plannedProgress(ms, '2025-11-01', '2025-11-06')).toBeCloseTo(25, 9);
    expect(plannedProgress(ms, '2025-11-01', '2025-11-11')).toBe(100);
  });

  it('is 0 without milestones and rejects bad data', () => {
    expect(plannedProgress([], '2025-11-01', '2025-11-06')).toBe(0);
    expect(() =>
      plannedProgress([{ name: 'a', dueDate: '2025-11-05', weight: -1 }], '2025-11-01', '2025-11-02'),
    ).toThrow(AppError);
    expect(() => plannedProgress(plan, '2025-11-01', '11/06/2025')).toThrow(AppError);
  });
});

describe('missedMilestones', () => {
  const ms: Milestone[] = [
    { name: 'done late', dueDate: '2025-11-03', weight: 1, doneAt: '2025-11-07T09:00:00Z' },
    { name: 'missed', dueDate: '2025-11-05', weight: 1 },
    { name: 'missed (null)', dueDate: '2025-11-06', weight: 1, doneAt: null },
    { name: 'due today', dueDate: '2025-11-10', weight: 1 },
    { name: 'future', dueDate: '2025-11-20', weight: 1 },
  ];
  it('lists undone milestones whose due date has passed', () => {
    expect(missedMilestones(ms, '2025-11-10').map((m) => m.name)).toEqual(['missed', 'missed (null)']);
    expect(missedMilestones(ms, '2025-11-11').map((m) => m.name)).toEqual(['missed', 'missed (null)', 'due today']);
    expect(missedMilestones(ms, '2025-11-01')).toEqual([]);
  });
});

describe('backSchedule', () => {
  const template = [
    { name: '制定方案', fraction: 0.2, weight: 1 },
    { name: '施工', fraction: 0.6, weight: 3 },
    { name: '验收', fraction: 0.2, weight: 1 },
  ];

  it('plans backwards from the deadline in working days', () => {
    // 19 working days in (Mon 11-03, Fri 11-28]; 4 (=round 3.8) and 15 (=round 15.2) days back.
    expect(backSchedule(template, '2025-11-28', '2025-11-03', cal)).toEqual([
      { name: '制定方案', dueDate: '2025-11-07', weight: 1 },
      { name: '施工', dueDate: '2025-11-24', weight: 3 },
      { name: '验收', dueDate: '2025-11-28', weight: 1 },
    ]);
  });

  it('normalises fractions', () => {
    const ratio = template.map((t, i) => ({ ...t, fraction: [1, 3, 1][i] }));
    expect(backSchedule(ratio, '2025-11-28', '2025-11-03', cal)).toEqual(
      backSchedule(template, '2025-11-28', '2025-11-03', cal),
    );
  });

  it('skips holidays and counts 调休 days', () => {
    // (09-22, 10-09]: 23 24 25 26 28(Sun, worked) 29 30 | 10-09 → 8 working days; half = 4 back:
    // 09-30, 09-29, 09-28 (调休), 09-26.
    const halves = [
      { name: 'a', fraction: 1, weight: 1 },
      { name: 'b', fraction: 1, weight: 1 },
    ];
    expect(backSchedule(halves, '2025-10-09', '2025-09-22', cal).map((m) => m.dueDate)).toEqual([
      '2025-09-26',
      '2025-10-09',
    ]);
    const thirds = [...halves, { name: 'c', fraction: 2, weight: 1 }];
    // 8 × 3/4 = 6 back → 09-24; 8 × 1/2 = 4 back → 09-26.
    expect(backSchedule(thirds, '2025-10-09', '2025-09-22', cal).map((m) => m.dueDate)).toEqual([
      '2025-09-24',
      '2025-09-26',
      '2025-10-09',
    ]);
    const late = [
      { name: 'a', fraction: 5, weight: 1 },
      { name: 'b', fraction: 3, weight: 1 },
    ];
    // 8 × 3/8 = 3 back → 09-28, the worked Sunday.
    expect(backSchedule(late, '2025-10-09', '2025-09-22', cal).map((m) => m.dueDate)).toEqual([
      '2025-09-28',
      '2025-10-09',
    ]);
    // A deadline on a holiday stays the deadline; earlier milestones land on working days.
    expect(backSchedule(halves, '2025-10-05', '2025-09-22', cal).map((m) => m.dueDate)).toEqual([
      '2025-09-26',
      '2025-10-05',
    ]);
  });

  it('degenerate spans put everything on the deadline or the start', () => {
    const one = [
      { name: 'a', fraction: 1, weight: 1 },
      { name: 'b', fraction: 1, weight: 1 },
    ];
    expect(backSchedule(one, '2025-11-17', '2025-11-17', cal).map((m) => m.dueDate)).toEqual([
      '2025-11-17',
      '2025-11-17',
    ]);
    expect(backSchedule(one, '2025-11-18', '2025-11-17', cal).map((m) => m.dueDate)).toEqual([
      '2025-11-17',
      '2025-11-18',
    ]);
    expect(backSchedule([], '2025-11-18', '2025-11-17', cal)).toEqual([]);
  });

  it('never puts a milestone on a day off when the plan is made on one', () => {
    // Planned on Saturday 15 November with a deadline the next Tuesday: no room, so Monday, not Saturday.
    const dates = backSchedule(template, '2025-11-18', '2025-11-15', cal).map((m) => m.dueDate);
    expect(dates.every((d) => cal.isWorkingDay(d))).toBe(true);
    expect(dates[0]).toBe('2025-11-17');
    expect(dates[dates.length - 1]).toBe('2025-11-18');
  });

  it('refuses a deadline before the start', () => {
    expect(() => backSchedule(template, '2025-11-01', '2025-11-03', cal)).toThrow(AppError);
  });

  it('feeds plannedProgress: 100% on the deadline', () => {
    const ms = backSchedule(template, '2025-11-28', '2025-11-03', cal);
    expect(plannedProgress(ms, '2025-11-03', '2025-11-28')).toBe(100);
    expect(plannedProgress(ms, '2025-11-03', '2025-11-07')).toBe(20);
  });
});

describe('rollUp', () => {
  it('is the weighted mean', () => {
    expect(
      rollUp([
        { progress: 100, weight: 1 },
        { progress: 50, weight: 3 },
      ]),
    ).toBe(62.5);
    expect(
      rollUp([
        { progress: 40, weight: 2 },
        { progress: 0, weight: 0 },
      ]),
    ).toBe(40);
  });
  it('falls back to the plain mean when all weights are 0, and 0 when empty', () => {
    expect(
      rollUp([
        { progress: 100, weight: 0 },
        { progress: 20, weight: 0 },
      ]),
    ).toBe(60);
    expect(rollUp([])).toBe(0);
  });
  it('rejects out-of-range values', () => {
    expect(() => rollUp([{ progress: 101, weight: 1 }])).toThrow(AppError);
    expect(() => rollUp([{ progress: 50, weight: -1 }])).toThrow(AppError);
    expect(() => rollUp([{ progress: Number.NaN, weight: 1 }])).toThrow(AppError);
  });
});
