/**
 * The month's counts per unit and per area, from the event history (not the items' current
 * state), so an item's later fate cannot rewrite what happened in the month. Pure: the caller
 * loads the events and supplies the clock-dependent helpers.
 */
export interface WalkEvent {
  problemId: number;
  action: string;
  createdAt: string;
  payload: Record<string, unknown>;
}
export interface WalkProblem {
  id: number;
  areaId: number | null;
  urgency: string;
}

export interface UnitCounts {
  received: number;
  signedWithinLimit: number;
  returned: number;
  rectified: number;
  closed: number;
  closedOnTime: number;
  workingDaysToClose: number;
  overdue: number;
  verifications: number;
  solved: number;
  redone: number;
  verySatisfied: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  veryDissatisfied: number;
}

export const emptyCounts = (): UnitCounts => ({
  received: 0,
  signedWithinLimit: 0,
  returned: 0,
  rectified: 0,
  closed: 0,
  closedOnTime: 0,
  workingDaysToClose: 0,
  overdue: 0,
  verifications: 0,
  solved: 0,
  redone: 0,
  verySatisfied: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  veryDissatisfied: 0,
});

export interface WalkContext {
  window: { firstDay: string; lastDay: string; startIso: string; endIso: string };
  today: string;
  dateOf(iso: string): string;
  signForBy(assignedAt: string, urgency: string): string;
  workingDaysBetween(a: string, b: string): number;
}

interface Assignment {
  lead: number | null;
  at: string;
  date: string;
  deadline: string | null;
  cohort: boolean;
  signed: boolean;
  rectifiedDate: string | null;
  endedDate: string | null;
}

export function walkMonth(problems: WalkProblem[], events: WalkEvent[], ctx: WalkContext) {
  const departments = new Map<number, UnitCounts>();
  const areas = new Map<number, UnitCounts>();
  const byProblem = new Map<number, WalkEvent[]>();
  for (const e of events) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
  const { window: w } = ctx;
  const inMonth = (iso: string) => iso >= w.startIso && iso < w.endIso;

  for (const p of problems) {
    const bump = (lead: number | null, key: keyof UnitCounts, by = 1) => {
      for (const [map, id] of [
        [departments, lead],
        [areas, p.areaId],
      ] as const) {
        if (id === null) continue;
        const c = map.get(id) ?? emptyCounts();
        c[key] += by;
        map.set(id, c);
      }
    };
    let a: Assignment | null = null;
    // An assignment is overdue in the month its deadline fell in, if it was not rectified by then
    // and had not ended (returned, turned long-term) before the deadline.
    const finish = (x: Assignment | null) => {
      if (!x?.deadline || x.deadline < w.firstDay || x.deadline > w.lastDay || x.deadline >= ctx.today) return;
      const done = x.rectifiedDate !== null && x.rectifiedDate <= x.deadline;
      const ended = x.endedDate !== null && x.endedDate <= x.deadline;
      if (!done && !ended) bump(x.lead, 'overdue');
    };
    for (const e of byProblem.get(p.id) ?? []) {
      const date = ctx.dateOf(e.createdAt);
      const now = inMonth(e.createdAt);
      switch (e.action) {
        case 'assign':
          finish(a);
          a = {
            lead: (e.payload.leadDepartmentId as number) ?? null,
            at: e.createdAt,
            date,
            deadline: (e.payload.deadline as string) ?? null,
            cohort: now,
            signed: false,
            rectifiedDate: null,
            endedDate: null,
          };
          if (now) bump(a.lead, 'received');
          break;
        case 'sign':
          if (a && !a.signed) {
            a.signed = true;
            if (a.cohort && e.createdAt <= ctx.signForBy(a.at, p.urgency)) bump(a.lead, 'signedWithinLimit');
          }
          break;
        case 'return':
          if (a) {
            if (a.cohort) bump(a.lead, 'returned');
            a.endedDate = date;
            finish(a);
            a = null;
          }
          break;
        case 'extension_granted':
          if (a && typeof e.payload.grantedDeadline === 'string') a.deadline = e.payload.grantedDeadline;
          break;
        case 'long_term':
          if (a && a.endedDate === null) a.endedDate = date;
          break;
        case 'rectify':
          if (a && a.rectifiedDate === null) a.rectifiedDate = date;
          if (now) bump(a?.lead ?? null, 'rectified');
          break;
        case 'verify': {
          if (!now) break;
          const result = e.payload.result;
          bump(a?.lead ?? null, 'verifications');
          // The optional 5-level rating (好差评) splits the ends of the scale; without it, the result decides.
          const rating = e.payload.rating;
          if (result === 'satisfied') {
            bump(a?.lead ?? null, rating === 5 ? 'verySatisfied' : 'satisfied');
            bump(a?.lead ?? null, 'solved');
          }
          if (result === 'basically_satisfied') {
            bump(a?.lead ?? null, 'basicallySatisfied');
            bump(a?.lead ?? null, 'solved');
          }
          if (result === 'unsatisfied') {
            bump(a?.lead ?? null, rating === 1 ? 'veryDissatisfied' : 'unsatisfied');
            bump(a?.lead ?? null, 'redone');
          }
          break;
        }
        case 'close':
          if (!now) break;
          bump(a?.lead ?? null, 'closed');
          if (a && (a.deadline === null || (a.rectifiedDate !== null && a.rectifiedDate <= a.deadline)))
            bump(a.lead, 'closedOnTime');
          if (a) bump(a.lead, 'workingDaysToClose', Math.max(0, ctx.workingDaysBetween(a.date, date)));
          break;
        default:
          break;
      }
    }
    finish(a);
  }
  return { departments, areas };
}
