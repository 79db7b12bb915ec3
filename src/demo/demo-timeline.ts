import type { Action } from '../lifecycle/lifecycle.js';
import { weekdayPolicy } from '../problems/deadline-policy.js';
import type { Chooser } from './demo-random.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The demo city keeps Beijing time (UTC+8, no summer time). */
const LOCAL = 8 * HOUR;

/** How one unit works: how often it signs in time, finishes late, and how residents rate it. */
export interface Profile {
  signOnTime: number;
  late: number;
  /** Shares of ratings 5, 4, 3 and 2 at callback; 2 sends the item back for a redo. */
  ratings: [number, number, number, number];
}

export function profileOf(c: Chooser): Profile {
  const redo = c.between(0.02, 0.06);
  const fair = c.between(0.03, 0.12);
  const very = c.between(0.45, 0.75);
  return {
    signOnTime: c.between(0.8, 0.97),
    late: c.between(0.03, 0.14),
    ratings: [very, 1 - very - fair - redo, fair, redo],
  };
}

export type Who = 'desk' | 'unit' | 'ducha';
export interface Step {
  at: number;
  who: Who;
  action: Action | 'photo';
  input: Record<string, unknown>;
}

export interface LifeOptions {
  created: number;
  tier: string;
  urgency: string;
  profile: Profile;
  /** Where the story may stop early: refused, a duplicate of `mergeInto`, returned once, long-term. */
  end: 'normal' | 'reject' | 'merge' | 'return' | 'long_term';
  mergeInto?: string;
  afterPhoto: boolean;
  measure: string;
  leadDepartmentId: number;
}

const localHour = (t: number) => ((((t + LOCAL) % DAY) + DAY) % DAY) / HOUR;
const weekday = (t: number) => new Date(t + LOCAL).getUTCDay();
const localDate = (t: number) => new Date(t + LOCAL).toISOString().slice(0, 10);

/** The next moment an office is open (weekdays 08:30–17:30), a little after opening if it was closed. */
export function officeHours(t: number, c: Chooser): number {
  let x = t;
  if (localHour(x) >= 17.5) x += (24 - localHour(x) + 8.5) * HOUR + c.between(0, 90) * MIN;
  else if (localHour(x) < 8.5) x += (8.5 - localHour(x)) * HOUR + c.between(0, 90) * MIN;
  while (weekday(x) === 0 || weekday(x) === 6) x += DAY;
  return Math.floor(x);
}

const PROGRESS = [
  '已现场核实，制定整改方案',
  '已安排施工人员进场',
  '协调相关部门召开现场推进会',
  '材料已到位，正在施工',
];

/**
 * One item's life from dispatch to closing, as a city lives it: dispatched within hours in office
 * time, signed for mostly within the two-hour limit, weekly progress reports, rectified before the
 * deadline for most units (late for a few), called back within days, closed soon after. The seeder
 * plays the steps up to "now", so where each item stands follows from its age.
 */
export function planLife(c: Chooser, o: LifeOptions): Step[] {
  const steps: Step[] = [];
  const step = (at: number, who: Who, action: Step['action'], input: Record<string, unknown> = {}) =>
    steps.push({ at: Math.floor(at), who, action, input });
  const dispatch = officeHours(o.created + c.between(0.3, 4) * HOUR, c);
  if (o.end === 'reject')
    return [
      {
        at: dispatch,
        who: 'desk',
        action: 'reject',
        input: { reason: '不属于本次整改范围，已告知反映人通过其他渠道解决' },
      },
    ];
  if (o.end === 'merge' && o.mergeInto)
    return [
      { at: dispatch, who: 'desk', action: 'merge', input: { targetCode: o.mergeInto, reason: '同一问题重复反映' } },
    ];
  const assign = { leadDepartmentId: o.leadDepartmentId, measures: o.measure };
  step(dispatch, 'desk', 'assign', assign);
  const signAt = (from: number) =>
    c.chance(o.profile.signOnTime) ? from + c.between(10, 100) * MIN : officeHours(from + c.between(3, 30) * HOUR, c);
  let signed = signAt(dispatch);
  let assigned = dispatch;
  if (o.end === 'return') {
    step(signed, 'unit', 'sign');
    const back = officeHours(signed + c.between(2, 30) * HOUR, c);
    step(back, 'unit', 'return', { reason: '经核实，该问题涉及属地管理，请受理中心重新研判派单' });
    assigned = officeHours(back + c.between(1, 20) * HOUR, c);
    step(assigned, 'desk', 'assign', assign);
    signed = signAt(assigned);
  }
  step(signed, 'unit', 'sign');
  const deadline = weekdayPolicy.defaultDeadline(localDate(assigned), o.tier, o.urgency);
  const deadlineEnd = Date.parse(`${deadline}T17:30:00+08:00`);
  if (o.end === 'long_term') {
    step(signed + c.between(5, 12) * DAY, 'unit', 'progress', { text: PROGRESS[0], percent: 20 });
    const at = signed + c.between(12, 18) * DAY;
    step(at, 'unit', 'long_term', { checkpointDate: localDate(at + 90 * DAY), reason: '需列入年度计划分期实施' });
    return steps;
  }
  const span = Math.max(deadlineEnd - signed, 6 * HOUR);
  const done = c.chance(o.profile.late)
    ? officeHours(deadlineEnd + c.between(0.5, 2 + span / DAY / 2) * DAY, c)
    : officeHours(signed + c.between(0.25, 0.9) * span, c);
  // Weekly reports (周督): now and then a unit skips one, which the board shows yellow.
  for (let t = signed + c.between(1, 6) * DAY, i = 0; t < done - DAY; t += c.between(5, 7) * DAY, i++) {
    if (c.chance(0.08)) continue;
    const percent = Math.min(95, Math.round(10 + (80 * (t - signed)) / (done - signed)));
    step(t, 'unit', 'progress', { text: `${PROGRESS[Math.min(i, PROGRESS.length - 1)]}，完成约${percent}%`, percent });
  }
  if (o.afterPhoto) step(done - c.between(5, 60) * MIN, 'unit', 'photo');
  step(done, 'unit', 'rectify', { evidence: `${o.measure}，已整改到位` });
  const verify = (from: number) => officeHours(from + c.between(0.5, 3.5) * DAY, c);
  let checked = verify(done);
  const [r5, r4, r3] = o.profile.ratings;
  const rating = c.weighted([
    [r5, 5],
    [r4, 4],
    [r3, 3],
    [1 - r5 - r4 - r3, 2],
  ]);
  if (rating === 2) {
    step(checked, 'ducha', 'verify', {
      result: 'unsatisfied',
      rating,
      method: 'callback',
      comment: '反映人表示问题仍未彻底解决',
    });
    const redone = officeHours(checked + c.between(2, 6) * DAY, c);
    step(redone, 'unit', 'rectify', { evidence: `根据回访意见返工，${o.measure}` });
    checked = verify(redone);
    step(checked, 'ducha', 'verify', { result: 'basically_satisfied', rating: 3, method: 'callback' });
  } else {
    const result = rating === 3 ? 'basically_satisfied' : 'satisfied';
    step(checked, 'ducha', 'verify', { result, rating, method: 'callback' });
  }
  step(officeHours(checked + c.between(0.1, 1.5) * DAY, c), 'ducha', 'close');
  return steps;
}
