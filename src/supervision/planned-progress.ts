/**
 * Planned progress (计划进度) from milestones, so that supervision can compare what a unit
 * reports with what its own back-scheduled timetable (倒排时间) says it should have done by now.
 */
import { AppError, say } from '../errors.js';
import { type WorkCalendar, daysBetween, parseDate } from './calendar.js';

export interface Milestone {
  name: string;
  dueDate: string;
  /** Share of the item's work; only ratios matter. */
  weight: number;
  /** Date or ISO date-time the milestone was reported done. */
  doneAt?: string | null;
}

/** A milestone in a reusable plan: `fraction` is its share of the whole duration. */
export interface MilestoneTemplate {
  name: string;
  fraction: number;
  weight: number;
}

export interface WeightedProgress {
  progress: number;
  weight: number;
}

function checkWeights(weights: number[], what: string): number[] {
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0)
      throw new AppError('validation_failed', say(`${what} 必须 ≥ 0，实为 ${w}`, `${what} must be ≥ 0, got ${w}`));
  }
  // All-zero weights mean "nobody weighted them", not "they count for nothing": weigh equally.
  return weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
}

const byDue = (a: Milestone, b: Milestone) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);

/**
 * Planned percent (0..100) as of `today`. Each milestone's work is planned to progress linearly
 * across its window, from the previous milestone's due date (or `startDate`) to its own due date,
 * in calendar days: weekly reports are compared against the calendar, and a per-day plan that
 * stalls over holidays would make every post-holiday report look suddenly behind.
 */
export function plannedProgress(milestones: readonly Milestone[], startDate: string, today: string): number {
  if (milestones.length === 0) return 0;
  parseDate(startDate);
  parseDate(today);
  const sorted = [...milestones].sort(byDue);
  const weights = checkWeights(
    sorted.map((m) => m.weight),
    'milestone weight',
  );
  const total = weights.reduce((s, w) => s + w, 0);
  let prev = startDate;
  let done = 0;
  sorted.forEach((m, i) => {
    const span = daysBetween(prev, m.dueDate);
    const fraction =
      span <= 0 ? (today >= m.dueDate ? 1 : 0) : Math.min(1, Math.max(0, daysBetween(prev, today) / span));
    done += weights[i] * fraction;
    if (m.dueDate > prev) prev = m.dueDate;
  });
  return (100 * done) / total;
}

/**
 * Milestones due before `today` and not done. A milestone due today is not yet missed; one done
 * late is no longer missed (its lateness is history, the warning is about now).
 */
export function missedMilestones<M extends Milestone>(milestones: readonly M[], today: string): M[] {
  parseDate(today);
  return milestones.filter((m) => m.dueDate < today && !m.doneAt);
}

/**
 * Back-schedule (倒排) a template between `startDate` and `deadline`: the last milestone is due
 * on the deadline and each earlier one the rounded share of working days before the next. Fractions
 * are normalised, so 1:3:1 and 0.2:0.6:0.2 plan alike.
 */
export function backSchedule(
  template: readonly MilestoneTemplate[],
  deadline: string,
  startDate: string,
  calendar: WorkCalendar,
): Milestone[] {
  const total = calendar.workingDaysBetween(startDate, deadline);
  if (total < 0)
    throw new AppError(
      'validation_failed',
      say(`整改时限 ${deadline} 早于开始日期 ${startDate}`, `deadline ${deadline} is before start ${startDate}`),
    );
  const shares = checkWeights(
    template.map((t) => t.fraction),
    'milestone fraction',
  );
  checkWeights(
    template.map((t) => t.weight),
    'milestone weight',
  );
  const sum = shares.reduce((s, f) => s + f, 0);
  // Working days strictly between start and deadline, nearest the start first.
  const days: string[] = [];
  for (let d = calendar.nextWorkingDay(startDate); d < deadline; d = calendar.nextWorkingDay(d)) days.push(d);
  const earliest = calendar.isWorkingDay(startDate) ? startDate : (days[0] ?? deadline);
  let later = 0;
  const result: Milestone[] = [];
  for (let i = template.length - 1; i >= 0; i--) {
    const back = Math.round((total * later) / sum);
    // A short deadline leaves no room: the milestone falls on the start, or on the first working
    // day after it when the plan is made on a day off (a plan made on Saturday put work on Saturday).
    const dueDate = back === 0 ? deadline : (days[days.length - back] ?? earliest);
    result.unshift({ name: template[i].name, dueDate, weight: template[i].weight });
    later += shares[i];
  }
  return result;
}

/** Weighted mean progress of child items or sub-tasks (0..100); an empty list has made none. */
export function rollUp(children: readonly WeightedProgress[]): number {
  if (children.length === 0) return 0;
  for (const c of children) {
    if (!Number.isFinite(c.progress) || c.progress < 0 || c.progress > 100) {
      throw new AppError(
        'validation_failed',
        say(`进度必须在 0..100 之间，实为 ${c.progress}`, `progress must be within 0..100, got ${c.progress}`),
      );
    }
  }
  const weights = checkWeights(
    children.map((c) => c.weight),
    'weight',
  );
  const total = weights.reduce((s, w) => s + w, 0);
  return children.reduce((s, c, i) => s + c.progress * weights[i], 0) / total;
}
