import type { Db } from '../db/database.js';
import { computeRates, type RateConfig, type RateCounts } from '../supervision/rates.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import { monthWindow, type MonthWindow } from './month-window.js';
import { emptyCounts, walkMonth, type UnitCounts, type WalkEvent } from './scorecard-walk.js';

const WALKED = ['assign', 'sign', 'return', 'extension_granted', 'long_term', 'rectify', 'verify', 'close'];

export interface ScoreRow {
  id: number;
  name: string;
  parentId: number | null;
  level?: string;
  received: number;
  signedWithinLimit: number;
  rectified: number;
  closed: number;
  overdue: number;
  returned: number;
  redone: number;
  verifications: number;
  rated: number;
  meanWorkingDaysToClose: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeRate: number | null;
  returnRate: number | null;
  redoRate: number | null;
  /** 0..100 points. */
  composite: number | null;
  overdueCount: number;
}

export interface Scorecard {
  month: string;
  computedAt: string;
  weights: RateConfig['weights'];
  satisfactionFactors: RateConfig['satisfactionFactors'];
  departments: ScoreRow[];
  areas: ScoreRow[];
  /** Other features' parts of the month (Feature.settlement), by key. */
  sections?: Record<string, unknown>;
}

/** Items that have something to count in the month: an event in it, or a deadline falling in it. */
async function candidates(db: Db, w: MonthWindow): Promise<number[]> {
  const [ev, dl, orig, ext] = await Promise.all([
    db
      .selectFrom('events')
      .select('problem_id')
      .distinct()
      .where('created_at', '>=', w.startIso)
      .where('created_at', '<', w.endIso)
      .where('action', 'in', WALKED)
      .execute(),
    db
      .selectFrom('problems')
      .select('id as problem_id')
      .where('deadline', '>=', w.firstDay)
      .where('deadline', '<=', w.lastDay)
      .execute(),
    db
      .selectFrom('item_supervision')
      .select('problem_id')
      .where('original_deadline', '>=', w.firstDay)
      .where('original_deadline', '<=', w.lastDay)
      .execute(),
    db
      .selectFrom('extensions')
      .select('problem_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('original_deadline', '>=', w.firstDay), eb('original_deadline', '<=', w.lastDay)]),
          eb.and([eb('granted_deadline', '>=', w.firstDay), eb('granted_deadline', '<=', w.lastDay)]),
        ]),
      )
      .execute(),
  ]);
  return [...new Set([...ev, ...dl, ...orig, ...ext].map((r) => r.problem_id))].sort((a, b) => a - b);
}

function toRow(
  base: { id: number; name: string; parent_id: number | null; level?: string },
  c: UnitCounts,
  config: RateConfig,
): ScoreRow {
  const counts: RateCounts = {
    dispatched: c.received,
    signedWithinLimit: c.signedWithinLimit,
    validCallbacks: c.verifications,
    solvedAtCallback: c.solved,
    verySatisfied: c.verySatisfied,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    dissatisfied: c.unsatisfied,
    veryDissatisfied: c.veryDissatisfied,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    workingDaysToClose: c.workingDaysToClose,
    returned: c.returned,
    verifications: c.verifications,
    redone: c.redone,
    overdue: c.overdue,
  };
  const r = computeRates(counts, config);
  const round = (n: number | null, d = 4) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);
  return {
    id: base.id,
    name: base.name,
    parentId: base.parent_id,
    ...(base.level && { level: base.level }),
    received: c.received,
    signedWithinLimit: c.signedWithinLimit,
    rectified: c.rectified,
    closed: c.closed,
    overdue: c.overdue,
    returned: c.returned,
    redone: c.redone,
    verifications: c.verifications,
    rated: r.rated,
    meanWorkingDaysToClose: round(r.meanWorkingDaysToClose, 2),
    responseRate: round(r.response),
    resolutionRate: round(r.resolution),
    satisfactionRate: round(r.satisfaction),
    onTimeRate: round(r.onTimeCompletion),
    returnRate: round(r.returnRate),
    redoRate: round(r.redoRate),
    composite: r.composite === null ? null : round(r.composite * 100, 2),
    overdueCount: c.overdue,
  };
}

const add = (a: UnitCounts, b: UnitCounts) => {
  for (const k of Object.keys(a) as (keyof UnitCounts)[]) a[k] += b[k];
};

/** Computes a month's scorecard live from the event history. */
export async function computeScorecard(rt: SupervisionRuntime, month: string): Promise<Scorecard> {
  const db = rt.db;
  const w = monthWindow(month, rt.timezone);
  const ids = await candidates(db, w);
  const problems: { id: number; area_id: number | null; urgency: string }[] = [];
  const events: WalkEvent[] = [];
  // Chunked so an IN list never exceeds the drivers' parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    problems.push(
      ...(await db.selectFrom('problems').select(['id', 'area_id', 'urgency']).where('id', 'in', chunk).execute()),
    );
    const rows = await db
      .selectFrom('events')
      .select(['problem_id', 'action', 'created_at', 'payload'])
      .where('problem_id', 'in', chunk)
      .where('action', 'in', WALKED)
      .where('created_at', '<', w.endIso)
      .orderBy('id')
      .execute();
    for (const r of rows)
      events.push({
        problemId: r.problem_id,
        action: r.action,
        createdAt: r.created_at,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
      });
  }
  const cal = rt.store.calendar();
  const walked = walkMonth(
    problems.map((p) => ({ id: p.id, areaId: p.area_id, urgency: p.urgency })),
    events,
    {
      window: w,
      today: rt.today(),
      dateOf: rt.dateOf,
      signForBy: (at, u) => rt.store.signForBy(at, u),
      workingDaysBetween: (a, b) => cal.workingDaysBetween(a, b),
    },
  );
  const [departments, areas] = await Promise.all([
    db.selectFrom('departments').select(['id', 'name', 'parent_id']).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('areas').select(['id', 'name', 'parent_id', 'level']).orderBy('sort').orderBy('id').execute(),
  ]);
  // An area answers for its towns and villages: its counts include its subtree.
  const areaTotals = new Map<number, UnitCounts>(areas.map((a) => [a.id, emptyCounts()]));
  const parent = new Map(areas.map((a) => [a.id, a.parent_id]));
  for (const [id, c] of walked.areas) {
    for (let at: number | null | undefined = id, guard = 0; at != null && guard < 20; at = parent.get(at), guard++)
      add(areaTotals.get(at) ?? emptyCounts(), c);
  }
  const config = rt.config.rates;
  return {
    month,
    computedAt: rt.now().toISOString(),
    weights: config.weights,
    satisfactionFactors: config.satisfactionFactors,
    departments: departments.map((d) => toRow(d, walked.departments.get(d.id) ?? emptyCounts(), config)),
    areas: areas.map((a) => toRow(a, areaTotals.get(a.id)!, config)),
  };
}
