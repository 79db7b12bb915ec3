import { RECTIFIED_STATES, type State } from '../lifecycle/lifecycle.js';
import { OVERDUE_STATES, type ListFilter, type Visibility } from '../problems/problem-list.repository.js';
import type { Grouped } from './stats.repository.js';
import type { CounterRow } from './stats-counters.repository.js';
import type { Scope } from './stats-keys.js';

/** "In progress" for the public figures: handed to a unit and not yet rectified. */
export const IN_PROGRESS_STATES: State[] = ['assigned', 'in_progress'];
export const LONG_TERM_STATES: State[] = ['long_term'];

/** The figures a summary is shaped from, whether counted live or read from the counters. */
export interface Figures {
  found: number;
  rectified: number;
  inProgress: number;
  overdue: number;
  longTerm: number;
  byCategory: Grouped[];
  byArea: Grouped[];
  bySource: Grouped[];
  byTag: Grouped[];
  /** Keys are days ('2026-11-30') or months ('2026-11'): both bucket into the same months. */
  byCreated: Grouped[];
  withDepartments(ids: number[]): Promise<{ count: number; rectified: number }>;
}

/**
 * Which counter scope answers a caller and filter, or null for the live path: callers who see
 * everything or only public items (department staff see a union the counters cannot hold), with
 * no filter other than states.
 */
export function counterScope(v: Visibility, f: ListFilter): Scope | null {
  if (v.kind === 'scope') return null;
  for (const [k, value] of Object.entries(f)) {
    if (k === 'statuses' || value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return null;
  }
  return v.kind;
}

/** Sums counter rows into figures, as the live path would count the same states. */
export function figuresFromCounters(rows: CounterRow[], statuses: State[] | undefined, today: string): Figures {
  const wanted = (s: string) => !statuses?.length || statuses.includes(s as State);
  const live = rows.filter((r) => wanted(r.status));
  const sum = (dim: string, states?: State[], keep: (key: string) => boolean = () => true) =>
    live
      .filter((r) => r.dimension === dim && (!states || states.includes(r.status as State)) && keep(r.key))
      .reduce((a, r) => a + r.n, 0);
  const grouped = (dim: string): Grouped[] => {
    const m = new Map<string, Grouped>();
    for (const r of live) {
      if (r.dimension !== dim) continue;
      const g = m.get(r.key) ?? { key: r.key, count: 0, rectified: 0 };
      g.count += r.n;
      if (RECTIFIED_STATES.includes(r.status as State)) g.rectified += r.n;
      m.set(r.key, g);
    }
    return [...m.values()].filter((g) => g.count !== 0);
  };
  // An item counts once for a unit when any of its units (lead or co-unit) lies in the subtree.
  const departmentSets = grouped('department').map((g) => ({
    ids: String(g.key).split(',').map(Number),
    count: g.count,
    rectified: g.rectified,
  }));
  return {
    found: sum('total'),
    rectified: sum('total', RECTIFIED_STATES),
    inProgress: sum('total', IN_PROGRESS_STATES),
    overdue: sum('deadline', OVERDUE_STATES, (deadline) => deadline < today),
    longTerm: sum('total', LONG_TERM_STATES),
    byCategory: grouped('category'),
    byArea: grouped('area'),
    bySource: grouped('source'),
    byTag: grouped('tag'),
    byCreated: grouped('month'),
    async withDepartments(ids) {
      const inTree = new Set(ids);
      let count = 0;
      let rectified = 0;
      for (const s of departmentSets)
        if (s.ids.some((d) => inTree.has(d))) {
          count += s.count;
          rectified += s.rectified;
        }
      return { count, rectified };
    },
  };
}
