import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import type { ProblemService } from '../problems/problem.service.js';
import { countProblems, type ListFilter, type Visibility } from '../problems/problem-list.repository.js';
import { visibilityFor } from '../problems/problem-access.js';
import { subtreeFrom } from '../reference/reference.repository.js';
import { RECTIFIED_STATES, type State } from '../lifecycle/lifecycle.js';
import type { ListQueryInput } from '../problems/problem.schema.js';
import * as repo from './stats.repository.js';
import { bucketSeries } from './series.js';
import {
  counterScope,
  figuresFromCounters,
  IN_PROGRESS_STATES,
  LONG_TERM_STATES,
  type Figures,
} from './counter-summary.js';
import { readScope } from './stats-counters.service.js';

export type StatsQuery = Omit<ListQueryInput, 'sort' | 'limit' | 'cursor'>;

type Node = { id: number; parent_id: number | null; name: string };

/** Narrows a filter to some states, keeping any states the caller already asked for. */
export function withStates(f: ListFilter, states: State[]): ListFilter | null {
  const s = f.statuses?.length ? f.statuses.filter((x) => states.includes(x)) : states;
  return s.length ? { ...f, statuses: s } : null;
}

/** Tree rows with subtree totals: an area's count includes its towns, as `areaId=` on the list does. */
function rollUpTree(nodes: Node[], direct: repo.Grouped[]) {
  const byId = new Map(direct.filter((d) => d.key !== null).map((d) => [Number(d.key), d]));
  return nodes.map((n) => {
    const ids = subtreeFrom(nodes, n.id);
    let count = 0;
    let rectified = 0;
    for (const id of ids) {
      const d = byId.get(id);
      if (d) {
        count += d.count;
        rectified += d.rectified;
      }
    }
    return { id: n.id, name: n.name, parentId: n.parent_id, count, rectified };
  });
}

export function statsService({ db, dialect, problems }: { db: Db; dialect: Dialect; problems: ProblemService }) {
  /** Live counts through the list's filter: any caller, any filter. */
  async function liveFigures(f: ListFilter, v: Visibility): Promise<Figures> {
    const count = async (fx: ListFilter | null) => (fx ? countProblems(db, fx, v) : 0);
    const [found, rectified, inProgress, overdue, longTerm, byCategory, byArea, bySource, byTag, byCreated] =
      await Promise.all([
        count(f),
        count(withStates(f, RECTIFIED_STATES)),
        count(withStates(f, IN_PROGRESS_STATES)),
        count({ ...f, overdueBefore: problems.today() }),
        count(withStates(f, LONG_TERM_STATES)),
        repo.groupByColumn(db, f, v, 'category_id'),
        repo.groupByColumn(db, f, v, 'area_id'),
        repo.groupByColumn(db, f, v, 'source_id'),
        repo.groupByTag(db, f, v),
        repo.groupByCreatedDay(db, f, v),
      ]);
    // Units overlap (lead and co-units, nested offices), so each is counted the way the list filters.
    return {
      found,
      rectified,
      inProgress,
      overdue,
      longTerm,
      byCategory,
      byArea,
      bySource,
      byTag,
      byCreated,
      withDepartments: (ids) => repo.countWithDepartments(db, f, v, ids),
    };
  }

  /**
   * From the counters kept by the write hook when they can answer (the home page: public or
   * citywide callers, no filter but states), otherwise live. `live` forces the live path (tests
   * hold the two to each other).
   */
  async function summary(actor: Actor, q: StatsQuery, opts: { live?: boolean } = {}) {
    const f = await problems.toFilter(actor, q as ListQueryInput);
    const v = visibilityFor(actor);
    const [areas, departments, categories, sources, tags] = await Promise.all([
      db.selectFrom('areas').select(['id', 'parent_id', 'name']).orderBy('sort').orderBy('id').execute(),
      db.selectFrom('departments').select(['id', 'parent_id', 'name']).orderBy('sort').orderBy('id').execute(),
      db.selectFrom('categories').select(['id', 'parent_id', 'name']).orderBy('sort').orderBy('id').execute(),
      db.selectFrom('sources').select(['id', 'code', 'name']).orderBy('sort').orderBy('id').execute(),
      db.selectFrom('tags').select(['id', 'code', 'name']).orderBy('sort').orderBy('id').execute(),
    ]);
    const scope = opts.live ? null : counterScope(v, f);
    const fig = scope
      ? figuresFromCounters(await readScope(db, dialect, scope), f.statuses, problems.today())
      : await liveFigures(f, v);
    const byDepartment = [];
    for (const d of departments) {
      const c = await fig.withDepartments(subtreeFrom(departments, d.id));
      byDepartment.push({ id: d.id, name: d.name, parentId: d.parent_id, ...c });
    }
    const flat = <T extends { id: number; code: string; name: string }>(rows: T[], g: repo.Grouped[]) =>
      rows.map((r) => {
        const x = g.find((y) => Number(y.key) === r.id);
        return { id: r.id, code: r.code, name: r.name, count: x?.count ?? 0, rectified: x?.rectified ?? 0 };
      });
    const { found, rectified, inProgress, overdue, longTerm } = fig;
    return {
      found,
      rectified,
      inProgress,
      overdue,
      longTerm,
      rectificationRate: found ? rectified / found : null,
      byCategory: rollUpTree(categories, fig.byCategory),
      byArea: rollUpTree(areas, fig.byArea),
      byDepartment,
      bySource: flat(sources, fig.bySource),
      byTag: flat(tags, fig.byTag),
      byMonth: bucketSeries(fig.byCreated, 'month').map((b) => ({
        month: b.period,
        found: b.found,
        rectified: b.rectified,
      })),
      asOf: problems.today(),
    };
  }

  /** Flows per week or month: created, rectified and closed in each period. */
  async function trend(actor: Actor, q: StatsQuery & { interval?: 'week' | 'month' }) {
    const interval = q.interval ?? 'month';
    const { interval: _omit, ...rest } = q;
    const f = await problems.toFilter(actor, rest as ListQueryInput);
    const v = visibilityFor(actor);
    const [created, rectifiedAt, closedAt] = await Promise.all([
      repo.groupByCreatedDay(db, f, v),
      repo.groupByDoneDay(db, f, v, 'rectified_at'),
      repo.groupByDoneDay(db, f, v, 'closed_at'),
    ]);
    const found = bucketSeries(created, interval);
    const byPeriod = (m: Map<string, number>) =>
      bucketSeries(
        [...m].map(([key, n]) => ({ key, count: n, rectified: 0 })),
        interval,
      );
    const rect = new Map(byPeriod(rectifiedAt).map((b) => [b.period, b.found]));
    const closed = new Map(byPeriod(closedAt).map((b) => [b.period, b.found]));
    const periods = [...new Set([...found.map((b) => b.period), ...rect.keys(), ...closed.keys()])].sort();
    return {
      interval,
      series: periods.map((p) => ({
        period: p,
        found: found.find((b) => b.period === p)?.found ?? 0,
        rectified: rect.get(p) ?? 0,
        closed: closed.get(p) ?? 0,
      })),
    };
  }

  return { summary, trend };
}

export type StatsService = ReturnType<typeof statsService>;
