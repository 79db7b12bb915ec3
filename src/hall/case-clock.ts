import type { WorkCalendar } from '../supervision/calendar.js';
import { computeWarning, type Warning, type WarningThresholds } from '../supervision/warning-level.js';
import { RUNNING, type CaseState } from './case-states.js';

/**
 * A case's promised-time clock in working days of the supervision calendar: it starts the day the
 * case is accepted (that day not counted, as for every time limit), stops while the applicant is
 * asked to supplement (补正), and the due date moves by the working days it stood still.
 */
export interface Clock {
  acceptedOn: string;
  promisedDays: number;
  pausedDays: number;
}

export const dueDate = (cal: WorkCalendar, c: Clock) => cal.addWorkingDays(c.acceptedOn, c.promisedDays + c.pausedDays);

/** Working days the pause that started on `since` lasted, ending on `today`. */
export const pauseLength = (cal: WorkCalendar, since: string, today: string) =>
  Math.max(0, cal.workingDaysBetween(since, today));

/** Working days the case took, the paused ones left out. */
export const workingDaysUsed = (cal: WorkCalendar, c: Clock, decidedOn: string) =>
  Math.max(0, cal.workingDaysBetween(c.acceptedOn, decidedOn) - c.pausedDays);

/**
 * The warning ladder of problem items, for a case: red overdue, blue when the due date is near,
 * yellow when the back office has not taken the case up for review by the working day after
 * acceptance (a missed first milestone, like an item not signed for). Paused and finished cases
 * carry none.
 */
export function caseWarning(
  input: { status: CaseState; acceptedOn: string | null; dueDate: string | null; today: string },
  cal: WorkCalendar,
  thresholds: Partial<WarningThresholds>,
): Warning {
  if (!RUNNING.includes(input.status) || !input.dueDate || !input.acceptedOn) return { level: 'none', reasons: [] };
  const pickUpBy = cal.addWorkingDays(input.acceptedOn, 1);
  return computeWarning(
    {
      status: 'in_progress',
      deadline: input.dueDate,
      today: input.today,
      plannedPercent: null,
      reportedPercent: null,
      missedMilestones: input.status === 'accepted' && input.today > pickUpBy ? 1 : 0,
      missingWeeklyReport: false,
      calendar: cal,
    },
    thresholds,
  );
}
