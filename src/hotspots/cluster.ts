/**
 * Pure clustering of recent items into hot spots: items of one area whose texts are alike (the
 * duplicates' character-bigram shingles and Dice coefficient, src/duplicates/similarity.ts) are
 * grouped so that every member is alike every other (complete linkage), and every group with
 * enough reports in the window becomes a cluster with its counts.
 * No database here: the service loads a bounded window and the tests feed rows directly.
 */
import { shingles } from '../duplicates/similarity.js';

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
  /** Two items are alike from this text similarity on (0–1). */
  threshold: number;
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

/**
 * Dice of the titles weighs like the duplicates' text score; descriptions only the leading part.
 * Shingles are interned as sorted integers, so a pair costs one merge instead of string lookups
 * (a window of a few thousand items is a few hundred thousand pairs).
 */
function similarity(a: Shingled, b: Shingled): number {
  return 0.4 * diceSorted(a.title, b.title) + 0.6 * diceSorted(a.text, b.text);
}

function diceSorted(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

interface Shingled {
  title: Int32Array;
  text: Int32Array;
}

function interner() {
  const ids = new Map<string, number>();
  return (set: Set<string>) => {
    const out = new Int32Array(set.size);
    let k = 0;
    for (const x of set) {
      let id = ids.get(x);
      if (id === undefined) {
        id = ids.size;
        ids.set(x, id);
      }
      out[k++] = id;
    }
    return out.sort();
  };
}

/**
 * Groups one area's items, oldest first: an item joins the group it is alike with every member of
 * (complete linkage; the best average if several), else it starts one. Single linkage chained a
 * report naming two problems at one place into a group holding both; here every member is alike
 * the whole group. Only groups with a member whose title shares a character pair are tried: without
 * one the title part is 0 and the description alone would need a Dice of 0.83 to reach the threshold.
 */
function group(idx: number[], sh: Shingled[], threshold: number): number[][] {
  const groups: number[][] = [];
  const groupOf = new Map<number, number>();
  const postings = new Map<number, number[]>();
  for (const i of idx) {
    const near = new Map<number, number>();
    for (const s of sh[i].title) {
      const list = postings.get(s);
      if (!list) {
        postings.set(s, [i]);
        continue;
      }
      for (const j of list) if (!near.has(j)) near.set(j, similarity(sh[i], sh[j]));
      list.push(i);
    }
    let best = -1;
    let bestMean = 0;
    const tried = new Set<number>();
    for (const [j, s] of near) {
      const g = groupOf.get(j)!;
      if (s < threshold || tried.has(g)) continue;
      tried.add(g);
      let sum = 0;
      for (const m of groups[g]) {
        const sm = near.get(m) ?? similarity(sh[i], sh[m]);
        if (sm < threshold) {
          sum = -1;
          break;
        }
        sum += sm;
      }
      if (sum / groups[g].length > bestMean) {
        best = g;
        bestMean = sum / groups[g].length;
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push([]);
    }
    groups[best].push(i);
    groupOf.set(i, best);
  }
  return groups;
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
  const intern = interner();
  const sh: Shingled[] = items.map((it) => ({
    title: intern(shingles(it.title)),
    text: intern(shingles(`${it.title}\n${(it.description ?? '').slice(0, 300)}`)),
  }));
  const groups = [...byArea.values()].flatMap((idx) =>
    group(
      idx.sort((x, y) => byTime(items[x], items[y])),
      sh,
      o.threshold,
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
