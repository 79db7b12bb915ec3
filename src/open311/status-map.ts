/**
 * Qingdan states and lifecycle events as Open311 statuses.
 *
 * Base GeoReport v2 knows only open/closed. An item is `open` exactly while Qingdan counts it as
 * open work (lifecycle OPEN_STATES), so Open311 figures and Qingdan's own never disagree:
 * - rectified stays `open`: the unit says it is fixed but verification may send it back (a redo);
 * - rejected, merged, verified and closed are `closed`.
 *
 * FixMyStreet's extended statuses (mySociety's Open311 extension, used by servicerequestupdates)
 * say more. FixMyStreet reads them case-insensitively; we write its canonical upper case.
 * - submitted → OPEN, accepted → INVESTIGATING (triage has it, no unit yet),
 *   assigned → ACTION_SCHEDULED, in_progress / long_term → IN_PROGRESS;
 * - rectified, verified, closed → FIXED: FixMyStreet treats FIXED as closed and asks the reporter
 *   whether it really is fixed, which is exactly Qingdan's verification; every closed item passed
 *   through rectified (close is only allowed from rectified/verified), so FIXED is true of it;
 * - merged → DUPLICATE;
 * - rejected → CLOSED: 不予受理 has many reasons (out of remit, not a real problem, too vague), so
 *   the neutral CLOSED with the reason in the text is safer than NOT_COUNCILS_RESPONSIBILITY, which
 *   would publicly claim the city is not responsible;
 * - a reopen, and a verification found unsatisfied (a redo), → REOPEN, as FixMyStreet itself
 *   sends when a reporter says a fixed report is not fixed.
 * A unit returning an item (退单) is not public; its to-state (accepted) reads INVESTIGATING.
 */
import { OPEN_STATES, STATES, type Action, type State } from '../lifecycle/lifecycle.js';

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

export const FMS_STATUSES = [
  'OPEN',
  'INVESTIGATING',
  'ACTION_SCHEDULED',
  'IN_PROGRESS',
  'FIXED',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'CLOSED',
  'REOPEN',
] as const;
export type FmsStatus = (typeof FMS_STATUSES)[number];

const FMS_BY_STATE: Record<State, FmsStatus> = {
  submitted: 'OPEN',
  accepted: 'INVESTIGATING',
  rejected: 'CLOSED',
  merged: 'DUPLICATE',
  assigned: 'ACTION_SCHEDULED',
  in_progress: 'IN_PROGRESS',
  long_term: 'IN_PROGRESS',
  rectified: 'FIXED',
  verified: 'FIXED',
  closed: 'FIXED',
};

export const isOpen311Status = (s: string): s is Open311Status => (OPEN311_STATUSES as readonly string[]).includes(s);

export function open311Status(state: State): Open311Status {
  return OPEN_STATES.includes(state) ? 'open' : 'closed';
}

export function fmsStatus(state: State): FmsStatus {
  return FMS_BY_STATE[state];
}

/** The Qingdan states a `status=open,closed` filter selects (GET /requests). */
export function statesForOpen311Status(statuses: readonly Open311Status[]): State[] {
  return STATES.filter((s) => statuses.includes(open311Status(s)));
}

/** The part of a lifecycle event the mapping needs. */
export interface EventStatusInput {
  action: Action;
  fromState: State | null;
  /** null when the action leaves the state as it was (progress, note). */
  toState: State | null;
}

/** The state the item is in after the event. */
export function stateAfter(event: EventStatusInput): State {
  const state = event.toState ?? event.fromState;
  if (state === null) throw new Error(`event "${event.action}" has neither a from- nor a to-state`);
  return state;
}

const isRedo = (e: EventStatusInput) => e.action === 'verify' && e.toState === 'in_progress';

export function open311StatusForEvent(event: EventStatusInput): Open311Status {
  return open311Status(stateAfter(event));
}

export function fmsStatusForEvent(event: EventStatusInput): FmsStatus {
  if (event.action === 'reopen' || isRedo(event)) return 'REOPEN';
  return fmsStatus(stateAfter(event));
}
