/**
 * Time limits (限时): resolution tiers, dispatch and sign-for limits, and the return window. The
 * numbers are the brief's defaults as seen in practice; cities change them, so every function takes
 * a config that `timeLimitConfig(overrides)` builds from partial overrides.
 */
import { AppError, say } from '../errors.js';
import { type WorkCalendar, addDays, addMonths } from './calendar.js';

export const TIERS = ['immediate', 'enquiry', 'simple', 'cross_department', 'historic'] as const;
export type Tier = (typeof TIERS)[number];

export const URGENCIES = ['emergency', 'utilities', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type LimitUnit = 'working_days' | 'calendar_days' | 'calendar_months';
export interface TierLimit {
  amount: number;
  unit: LimitUnit;
}

/**
 * 'calendar' hours run around the clock; 'working' hours run only on working days
 * (WorkCalendar.addWorkingHours). Emergencies and utility outages (water, power, gas, heating)
 * cannot wait for Monday, so they default to 'calendar'.
 */
export type HourClock = 'calendar' | 'working';

export interface TimeLimitConfig {
  tiers: Record<Tier, TierLimit>;
  dispatchHours: Record<Urgency, number>;
  signForHours: number;
  hourClock: Record<Urgency, HourClock>;
  returnWindowWorkingDays: number;
  /** Urgent items never get more than this many working days, whatever their tier; null = no cap. */
  urgencyCapWorkingDays: Record<Urgency, number | null>;
  timezone: string;
}

function deepFreeze<T>(o: T): T {
  for (const v of Object.values(o as object)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

/** Frozen all the way down: it is shared by every caller that passes no config. */
export const DEFAULT_TIME_LIMITS: TimeLimitConfig = deepFreeze<TimeLimitConfig>({
  tiers: {
    immediate: { amount: 1, unit: 'working_days' }, // 即知即改、立行立改
    enquiry: { amount: 1, unit: 'calendar_days' },
    simple: { amount: 5, unit: 'working_days' },
    cross_department: { amount: 15, unit: 'working_days' },
    historic: { amount: 1, unit: 'calendar_months' },
  },
  dispatchHours: { emergency: 1, utilities: 2, normal: 24 },
  signForHours: 2,
  hourClock: { emergency: 'calendar', utilities: 'calendar', normal: 'working' },
  returnWindowWorkingDays: 2,
  // Our choice, not the brief's: an emergency must be fixed by the next working day at the latest.
  urgencyCapWorkingDays: { emergency: 1, utilities: null, normal: null },
  timezone: 'Asia/Shanghai',
});

export interface TimeLimitOverrides {
  tiers?: Partial<Record<Tier, TierLimit>>;
  dispatchHours?: Partial<Record<Urgency, number>>;
  signForHours?: number;
  hourClock?: Partial<Record<Urgency, HourClock>>;
  returnWindowWorkingDays?: number;
  urgencyCapWorkingDays?: Partial<Record<Urgency, number | null>>;
  timezone?: string;
}

function nonNegative(name: string, n: number, integer: boolean): void {
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new AppError(
      'validation_failed',
      say(
        `${name} 必须是 ≥ 0 的${integer ? '整' : ''}数，实为 ${n}`,
        `${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got ${n}`,
      ),
    );
  }
}

/** Defaults merged with overrides, validated once so the functions below can trust the config. */
export function timeLimitConfig(o: TimeLimitOverrides = {}): TimeLimitConfig {
  const c: TimeLimitConfig = {
    tiers: { ...DEFAULT_TIME_LIMITS.tiers, ...o.tiers },
    dispatchHours: { ...DEFAULT_TIME_LIMITS.dispatchHours, ...o.dispatchHours },
    signForHours: o.signForHours ?? DEFAULT_TIME_LIMITS.signForHours,
    hourClock: { ...DEFAULT_TIME_LIMITS.hourClock, ...o.hourClock },
    returnWindowWorkingDays: o.returnWindowWorkingDays ?? DEFAULT_TIME_LIMITS.returnWindowWorkingDays,
    urgencyCapWorkingDays: { ...DEFAULT_TIME_LIMITS.urgencyCapWorkingDays, ...o.urgencyCapWorkingDays },
    timezone: o.timezone ?? DEFAULT_TIME_LIMITS.timezone,
  };
  for (const t of TIERS) nonNegative(`tiers.${t}.amount`, c.tiers[t].amount, true);
  for (const u of URGENCIES) {
    nonNegative(`dispatchHours.${u}`, c.dispatchHours[u], false);
    const cap = c.urgencyCapWorkingDays[u];
    if (cap !== null) nonNegative(`urgencyCapWorkingDays.${u}`, cap, true);
  }
  nonNegative('signForHours', c.signForHours, false);
  nonNegative('returnWindowWorkingDays', c.returnWindowWorkingDays, true);
  return c;
}

export const isTier = (s: string): s is Tier => (TIERS as readonly string[]).includes(s);
export const isUrgency = (s: string): s is Urgency => (URGENCIES as readonly string[]).includes(s);

/**
 * The default deadline (整改时限) for an item received on `fromDate`. Calendar-day and month
 * limits that end on a rest day move to the next working day, as statutory periods do
 * (期间届满的最后一日是法定休假日的，以休假日结束的次日为期间的最后一日), so a deadline is always a
 * working day. The urgency cap only ever shortens the deadline.
 */
export function defaultDeadline(
  calendar: WorkCalendar,
  fromDate: string,
  tier: Tier,
  urgency: Urgency = 'normal',
  config: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): string {
  const limit = config.tiers[tier];
  if (!limit)
    throw new AppError('validation_failed', say(`未知的时限档次“${tier}”`, `unknown time-limit tier "${tier}"`));
  let due: string;
  if (limit.unit === 'working_days') due = calendar.addWorkingDays(fromDate, limit.amount);
  else if (limit.unit === 'calendar_days') due = calendar.addWorkingDays(addDays(fromDate, limit.amount), 0);
  else due = calendar.addWorkingDays(addMonths(fromDate, limit.amount), 0);
  const cap = config.urgencyCapWorkingDays[urgency];
  if (cap === undefined)
    throw new AppError('validation_failed', say(`未知的紧急程度“${urgency}”`, `unknown urgency "${urgency}"`));
  if (cap !== null) {
    const capped = calendar.addWorkingDays(fromDate, cap);
    if (capped < due) due = capped;
  }
  return due;
}

function addHours(calendar: WorkCalendar, from: string, hours: number, clock: HourClock, tz: string): string {
  if (clock === 'working') return calendar.addWorkingHours(from, hours, tz);
  const t = Date.parse(from);
  if (Number.isNaN(t))
    throw new AppError('validation_failed', say(`不是 ISO 日期时间：“${from}”`, `not an ISO date-time: "${from}"`));
  return new Date(t + hours * 3_600_000).toISOString();
}

/** When an item received at `receivedAt` must be dispatched (派单) by; ISO UTC. */
export function dispatchDeadline(
  calendar: WorkCalendar,
  receivedAt: string,
  urgency: Urgency,
  config: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): string {
  return addHours(calendar, receivedAt, config.dispatchHours[urgency], config.hourClock[urgency], config.timezone);
}

/** When the lead unit must sign for (签收) an item dispatched at `dispatchedAt`; ISO UTC. */
export function signForDeadline(
  calendar: WorkCalendar,
  dispatchedAt: string,
  urgency: Urgency,
  config: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): string {
  return addHours(calendar, dispatchedAt, config.signForHours, config.hourClock[urgency], config.timezone);
}

/** Last day on which a unit may return (退单) an item dispatched on `dispatchedDate`. */
export function returnWindowEnd(
  calendar: WorkCalendar,
  dispatchedDate: string,
  config: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): string {
  return calendar.addWorkingDays(dispatchedDate, config.returnWindowWorkingDays);
}
