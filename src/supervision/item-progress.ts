import type { Db } from '../db/database.js';
import type { ProblemRow } from '../problems/problem.repository.js';
import { isState } from '../lifecycle/lifecycle.js';
import { missedMilestones, plannedProgress, rollUp, type Milestone } from './planned-progress.js';
import { computeWarning, type Warning } from './warning-level.js';
import { lastDueDate, missedWeek, nextDueDate } from './weekly-report-rule.js';
import type { SupervisionRuntime } from './runtime.js';
import { loadProgressInputs } from './progress-batch.js';
import type { WorkCalendar } from './calendar.js';

/** States in which an item's work is finished, so a parent counts it as fully done. */
const DONE_STATES = ['rectified', 'verified', 'closed'];
export { UNTRIAGED_CHILD_STATES } from './progress-batch.js';

export interface ChildProgress {
  id: number;
  code: string;
  title: string;
  status: string;
  weight: number;
  reported: number;
  planned: number | null;
}

export interface ItemProgress {
  plannedPercent: number | null;
  reportedPercent: number | null;
  milestones: Array<Milestone & { id: number; missed: boolean }>;
  missedMilestones: number;
  lastReportAt: string | null;
  missingWeeklyReport: boolean;
  nextReportDue: string | null;
  children: ChildProgress[];
  warning: Warning;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function lastReportAt(db: Db, problemId: number): Promise<string | null> {
  const r = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('problem_id', '=', problemId)
    .where('action', '=', 'progress')
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

/** A milestone row as the progress rules read it. */
export interface MilestoneInput {
  id: number;
  name: string;
  due_date: string;
  weight: number;
  done_at: string | null;
}

/** A child item as its parent's roll-up reads it: its own state and its stored plan. */
export interface ChildInput {
  id: number;
  code: string;
  title: string;
  status: string;
  progress_percent: number;
  rollup_weight: number | null;
  planned_percent: number | null;
}

/** What the progress rules read besides the item: one query each here, one per batch in progress-batch.ts. */
export interface ProgressInputs {
  /** Ordered by due date, sort, id. */
  milestones: MilestoneInput[];
  /** Triaged children, ordered by id. */
  children: ChildInput[];
  lastAt: string | null;
}

/**
 * Planned and reported progress and the warning for one item, as of today. A parent item (one
 * with child items) reports the weighted roll-up of its children; its own milestones, if any,
 * still set its plan.
 */
export async function itemProgress(rt: SupervisionRuntime, db: Db, row: ProblemRow): Promise<ItemProgress> {
  // The batch loader on a batch of one: the scheduled pass and this read the same inputs the same way.
  const inputs = (await loadProgressInputs(db, [row.id])).get(row.id)!;
  return progressOf(rt, row, inputs);
}

/** What progressOf reads of the runtime; a batch takes it once (progress-context.ts), not per item. */
export interface ProgressContext {
  today: string;
  dateOf(iso: string): string;
  calendar: WorkCalendar;
}

const progressContext = (rt: SupervisionRuntime): ProgressContext => ({
  today: rt.today(),
  dateOf: rt.dateOf,
  calendar: rt.store.calendar(),
});

/** The columns of an item that progress, warnings and their notices read. */
export type ProgressRow = Pick<
  ProblemRow,
  | 'id'
  | 'code'
  | 'title'
  | 'status'
  | 'assigned_at'
  | 'created_at'
  | 'signed_at'
  | 'progress_percent'
  | 'deadline'
  | 'checkpoint_date'
  | 'lead_department_id'
  | 'owner_leader_id'
>;

/** The pure part of itemProgress: the same rules whether the inputs came one item or a batch at a time. */
export function progressOf(
  rt: SupervisionRuntime,
  row: ProgressRow,
  inputs: ProgressInputs,
  ctx: ProgressContext = progressContext(rt),
): ItemProgress {
  const { today, dateOf } = ctx;
  const { milestones: msRows, children, lastAt } = inputs;
  const milestones: Milestone[] = msRows.map((m) => ({
    name: m.name,
    dueDate: m.due_date,
    weight: m.weight,
    doneAt: m.done_at,
  }));
  const start = row.assigned_at ? dateOf(row.assigned_at) : dateOf(row.created_at);
  const missed = missedMilestones(milestones, today);
  const childViews: ChildProgress[] = children.map((c) => ({
    id: c.id,
    code: c.code,
    title: c.title,
    status: c.status,
    weight: c.rollup_weight ?? 1,
    reported: DONE_STATES.includes(c.status) ? 100 : c.progress_percent,
    planned: c.planned_percent ?? null,
  }));
  let planned: number | null = milestones.length ? plannedProgress(milestones, start, today) : null;
  let reported: number | null = lastAt ? row.progress_percent : null;
  // Done is done: the plan is complete too, whatever dates its milestones carried.
  if (DONE_STATES.includes(row.status)) {
    reported = 100;
    if (planned !== null) planned = 100;
  }
  if (childViews.length) {
    reported = rollUp(childViews.map((c) => ({ progress: c.reported, weight: c.weight })));
    const plannedChildren = childViews.filter((c) => c.planned !== null);
    if (planned === null && plannedChildren.length) {
      planned = rollUp(plannedChildren.map((c) => ({ progress: c.planned!, weight: c.weight })));
    }
  }
  const weekly = {
    status: row.status,
    signedDate: row.signed_at ? dateOf(row.signed_at) : null,
    lastReportDate: lastAt ? dateOf(lastAt) : null,
  };
  // A parent item reports through its children; the weekly duty is theirs.
  const missingWeekly = !childViews.length && missedWeek(weekly, lastDueDate(today, rt.config.weeklyReportWeekday));
  const warning = isState(row.status)
    ? computeWarning(
        {
          status: row.status,
          deadline: row.status === 'long_term' ? (row.checkpoint_date ?? row.deadline) : row.deadline,
          today,
          plannedPercent: planned,
          reportedPercent: reported,
          missedMilestones: missed.length,
          missingWeeklyReport: missingWeekly,
          calendar: ctx.calendar,
        },
        rt.config.thresholds,
      )
    : { level: 'none' as const, reasons: [] };
  return {
    plannedPercent: round1(planned),
    reportedPercent: round1(reported),
    milestones: msRows.map((m, i) => ({ ...milestones[i], id: m.id, missed: missed.includes(milestones[i]) })),
    missedMilestones: missed.length,
    lastReportAt: lastAt,
    missingWeeklyReport: missingWeekly,
    nextReportDue: ['in_progress', 'long_term'].includes(row.status)
      ? nextDueDate(today, rt.config.weeklyReportWeekday)
      : null,
    children: childViews,
    warning,
  };
}
