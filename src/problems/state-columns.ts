/**
 * Which columns an item's state implies, for writers that set a state directly instead of walking
 * the lifecycle (the sheet import: a row says 已销号 and the item must look closed). Derived by
 * replaying the action effects along the usual road to each state, so the rules live once: when
 * an effect changes what it stamps, the import follows.
 */
import type { Action, State } from '../lifecycle/lifecycle.js';
import { EFFECTS, type EffectRow, type Facts, type Input } from './action-effects.js';

type Road = Array<[Action, Input]>;

// Any valid input will do: only what the effects stamp is kept.
const ASSIGNED: Road = [['assign', { leadDepartmentId: 1, deadline: '9999-12-31' }]];
const STARTED: Road = [...ASSIGNED, ['sign', {}]];
const RECTIFIED: Road = [...STARTED, ['rectify', { evidence: '-' }]];
const VERIFIED: Road = [...RECTIFIED, ['verify', { result: 'satisfied' }]];

/** The actions that take a new item to each state (checked against the lifecycle in the test). */
export const ROADS: Record<State, Road> = {
  submitted: [],
  accepted: [['accept', {}]],
  rejected: [['reject', { reason: '-' }]],
  merged: [['merge', { targetCode: '-' }]],
  assigned: ASSIGNED,
  in_progress: STARTED,
  long_term: [...STARTED, ['long_term', { checkpointDate: '9999-12-31' }]],
  rectified: RECTIFIED,
  verified: VERIFIED,
  closed: [...VERIFIED, ['close', {}]],
};

type Stamp = 'assigned_at' | 'signed_at' | 'rectified_at' | 'closed_at';
const STAMPS: Stamp[] = ['assigned_at', 'signed_at', 'rectified_at', 'closed_at'];

export interface StateColumns {
  /** Timestamps set when the state was reached. */
  stamped: Record<Stamp, boolean>;
  /** The progress the state implies (100 once rectified); null when progress reports decide it. */
  progress: number | null;
}

const NOW = 'now';
const FACTS: Facts = {
  now: NOW,
  today: '2000-01-01',
  departments: new Map([[1, '-']]),
  target: { id: null, code: null, status: 'accepted', report_count: 1 },
};

function replay(road: Road): StateColumns {
  const row: EffectRow = {
    report_count: 1,
    category_id: null,
    lead_department_id: null,
    owner_leader_id: null,
    responsible_person: null,
    measures: null,
    redo_count: 0,
    progress_percent: 0,
    urgency: 'normal',
  };
  const set: Record<string, unknown> = {};
  for (const [action, input] of road) {
    const { patch } = EFFECTS[action](row, input, FACTS);
    Object.assign(row, patch);
    Object.assign(set, patch);
  }
  const stamped = Object.fromEntries(STAMPS.map((c) => [c, set[c] === NOW])) as Record<Stamp, boolean>;
  return { stamped, progress: typeof set.progress_percent === 'number' ? set.progress_percent : null };
}

export const STATE_COLUMNS = Object.fromEntries(
  Object.entries(ROADS).map(([state, road]) => [state, replay(road)]),
) as Record<State, StateColumns>;

/** The progress a state implies; null for states (or unknown values) where reports decide it. */
export const impliedProgress = (state: string): number | null =>
  (STATE_COLUMNS as Record<string, StateColumns | undefined>)[state]?.progress ?? null;
