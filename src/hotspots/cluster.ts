/**
 * Pure clustering of recent items into hot spots: items of one area whose texts are alike (the
 * duplicates' character-bigram shingles and Dice coefficient, src/duplicates/similarity.ts) are
 * grouped so that every member is alike the whole group (linkage.ts), and every group with
 * enough reports in the window becomes a cluster with its counts.
 * No database here: the service loads a bounded window and the tests feed rows directly.
 */
import { group, shingled } from './linkage.js';

export interface HotItem {
  id: number;
  code: string;
  title: string;
  description: string | null;
  areaId: number | null;
  categoryId: number | null;
  createdAt: string;
  /** Reports the item stands for: 1, plus the duplicates merged into it. */
  reports: number;
  /** "Me too" (我也遇到) from residents. */
  support: number;
}

export interface ClusterOptions {
  /** The window's start (this window) and the previous window's start, ISO. */
  since: string;
  previousSince: string;
  /** An item joins a group it is alike on average from this text similarity on (0–1)… */
  threshold: number;
  /** …and alike each member of it at least this much. */
  floor: number;
  /** A group is a hot spot from this many reports in the window. */
  minReports: number;
}

export interface Cluster {
  /** The oldest member's code: stable while the cluster grows. */
  key: string;
  title: string;
  areaId: number | null;
  categoryId: number | null;
  /** Reports in this window and in the one before it. */
  reports: number;
  previous: number;
  growth: number;
  support: number;
  score: number;
  members: HotItem[];
  firstAt: string;
  lastAt: string;
}

const byTime = (a: HotItem, b: HotItem) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;

/** The title most members share, else the newest member's. */
function label(members: HotItem[]): string {
  const n = new Map<string, number>();
  for (const m of members) n.set(m.title, (n.get(m.title) ?? 0) + 1);
  let best = members[members.length - 1].title;
  for (const [t, c] of n) if (c > (n.get(best) ?? 0)) best = t;
  return best;
}

/** Ranks by the size of this window, what it grew by, and residents' support, in that order of weight. */
export const scoreOf = (c: Pick<Cluster, 'reports' | 'growth' | 'support'>) =>
  c.reports + 0.5 * Math.max(0, c.growth) + 0.5 * Math.sqrt(c.support);

export function clusterItems(items: HotItem[], o: ClusterOptions): Cluster[] {
  const byArea = new Map<number | null, number[]>();
  items.forEach((it, i) => {
    const list = byArea.get(it.areaId);
    if (list) list.push(i);
    else byArea.set(it.areaId, [i]);
  });
  const sh = shingled(items);
  const groups = [...byArea.values()].flatMap((idx) =>
    group(
      idx.sort((x, y) => byTime(items[x], items[y])),
      sh,
      o,
    ),
  );
  const out: Cluster[] = [];
  for (const g of groups) {
    const members = g.map((i) => items[i]);
    const current = members.filter((m) => m.createdAt >= o.since);
    const reports = current.reduce((s, m) => s + m.reports, 0);
    if (reports < o.minReports) continue;
    const previous = members
      .filter((m) => m.createdAt < o.since && m.createdAt >= o.previousSince)
      .reduce((s, m) => s + m.reports, 0);
    const support = members.reduce((s, m) => s + m.support, 0);
    const cats = new Set(members.map((m) => m.categoryId));
    const c = {
      key: members[0].code,
      title: label(members),
      areaId: members[0].areaId,
      categoryId: cats.size === 1 ? members[0].categoryId : null,
      reports,
      previous,
      growth: reports - previous,
      support,
      members,
      firstAt: members[0].createdAt,
      lastAt: members[members.length - 1].createdAt,
    };
    out.push({ ...c, score: scoreOf(c) });
  }
  return out;
}

export type HotSort = 'score' | 'size' | 'growth' | 'support';

export function rank(clusters: Cluster[], sort: HotSort): Cluster[] {
  const by: Record<HotSort, (c: Cluster) => number> = {
    score: (c) => c.score,
    size: (c) => c.reports,
    growth: (c) => c.growth,
    support: (c) => c.support,
  };
  return [...clusters].sort((a, b) => by[sort](b) - by[sort](a) || b.score - a.score || (a.key < b.key ? -1 : 1));
}
