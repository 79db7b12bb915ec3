/**
 * The warning ladder (蓝/黄/红 预警): blue = on track but the deadline is near; yellow = behind
 * plan, a missed milestone or no weekly report; red = overdue or far behind. Computed, never
 * stored as truth, so changing a threshold re-colours every item at once.
 */
import { AppError, say } from '../errors.js';
import type { State } from '../lifecycle/lifecycle.js';
import { type WorkCalendar, parseDate } from './calendar.js';

export const WARNING_LEVELS = ['none', 'blue', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Machine codes, most severe first; the UI translates them. */
export const WARNING_REASONS = [
  'overdue',
  'behind_plan',
  'missed_milestone',
  'missing_weekly_report',
  'deadline_near',
] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

export interface WarningThresholds {
  /** Blue when the deadline is this many working days away or fewer. */
  blueWithinWorkingDays: number;
  /** Yellow when planned minus reported progress is at least this many points. */
  yellowBehindPoints: number;
  /** Red when planned minus reported progress is at least this many points. */
  redBehindPoints: number;
}

export const DEFAULT_WARNING_THRESHOLDS: Readonly<WarningThresholds> = Object.freeze({
  blueWithinWorkingDays: 3,
  yellowBehindPoints: 10,
  redBehindPoints: 30,
});

/**
 * Only items a unit is working on can be late. Items still in triage are measured by dispatch
 * limits instead, and rectified items wait on the verifier, not the unit.
 */
export const WARNING_STATES: readonly State[] = ['assigned', 'in_progress', 'long_term'];

export interface WarningInput {
  status: State;
  /** The deadline; for long-term items the next checkpoint date. null: none set. */
  deadline: string | null;
  today: string;
  /** null when there is no plan or no report yet: "behind plan" is then unknown, not zero. */
  plannedPercent: number | null;
  reportedPercent: number | null;
  /** How many milestones are due and not done (see missedMilestones). */
  missedMilestones: number;
  missingWeeklyReport: boolean;
  calendar: WorkCalendar;
}

export interface Warning {
  level: WarningLevel;
  reasons: WarningReason[];
}

const RANK: Record<WarningLevel, number> = { none: 0, blue: 1, yellow: 2, red: 3 };

/** The more severe of two levels. */
export const maxLevel = (a: WarningLevel, b: WarningLevel): WarningLevel => (RANK[a] >= RANK[b] ? a : b);

export function warningThresholds(o: Partial<WarningThresholds> = {}): WarningThresholds {
  const t = { ...DEFAULT_WARNING_THRESHOLDS, ...o };
  for (const [k, v] of Object.entries(t)) {
    if (!Number.isFinite(v) || v < 0)
      throw new AppError('validation_failed', say(`${k} 必须 ≥ 0，实为 ${v}`, `${k} must be ≥ 0, got ${v}`));
  }
  if (t.yellowBehindPoints > t.redBehindPoints) {
    throw new AppError(
      'validation_failed',
      say('yellowBehindPoints 不能大于 redBehindPoints', 'yellowBehindPoints must not exceed redBehindPoints'),
    );
  }
  return t;
}

/**
 * Every reason that applies is listed, not only the one that set the level, so a red item that
 * also skipped its weekly report says so. The level is the most severe reason's.
 */
export function computeWarning(input: WarningInput, thresholds: Partial<WarningThresholds> = {}): Warning {
  const t = warningThresholds(thresholds);
  if (!WARNING_STATES.includes(input.status)) return { level: 'none', reasons: [] };
  const { deadline, today, calendar } = input;
  parseDate(today);
  if (deadline !== null) parseDate(deadline);
  const found = new Map<WarningReason, WarningLevel>();
  const add = (reason: WarningReason, level: WarningLevel) =>
    found.set(reason, maxLevel(found.get(reason) ?? 'none', level));

  // The deadline day itself is still within the limit; overdue starts the day after.
  const overdue = deadline !== null && today > deadline;
  if (overdue) add('overdue', 'red');
  else if (deadline !== null && calendar.workingDaysBetween(today, deadline) <= t.blueWithinWorkingDays) {
    add('deadline_near', 'blue');
  }

  if (input.plannedPercent !== null && input.reportedPercent !== null) {
    const behind = input.plannedPercent - input.reportedPercent;
    if (behind >= t.redBehindPoints) add('behind_plan', 'red');
    else if (behind >= t.yellowBehindPoints) add('behind_plan', 'yellow');
  }
  if (input.missedMilestones > 0) add('missed_milestone', 'yellow');
  if (input.missingWeeklyReport) add('missing_weekly_report', 'yellow');

  const reasons = WARNING_REASONS.filter((r) => found.has(r));
  const level = reasons.reduce<WarningLevel>((l, r) => maxLevel(l, found.get(r)!), 'none');
  return { level, reasons };
}
