/**
 * How a hot spot's items are grouped: the texts as interned shingle sets (the duplicates'
 * character bigrams, src/duplicates/similarity.ts), their similarity, and complete linkage over
 * one area's items. Pure; cluster.ts counts and ranks the groups.
 */
import { shingles } from '../duplicates/similarity.js';

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
 * Groups one area's items, oldest first (average linkage with a floor): an item joins the group
 * whose members it is alike on average (from `threshold`) and each at least a little (from
 * `floor`), the best average if several; else it starts one. Single linkage chained a report
 * naming two problems at one place into a group holding both; here every member is alike the whole
 * group. Only groups with a member whose title shares a character pair are tried: without one the
 * title part is 0 and the description alone would need a Dice of 0.83 to reach the threshold.
 */
export function group(idx: number[], sh: Shingled[], o: { threshold: number; floor: number }): number[][] {
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
      if (s < o.threshold || tried.has(g)) continue;
      tried.add(g);
      let sum = 0;
      for (const m of groups[g]) {
        const sm = near.get(m) ?? similarity(sh[i], sh[m]);
        if (sm < o.floor) {
          sum = -1;
          break;
        }
        sum += sm;
      }
      const mean = sum / groups[g].length;
      if (mean >= o.threshold && mean > bestMean) {
        best = g;
        bestMean = mean;
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

/** Each item's title, and title plus the leading part of its description, as shingle ids. */
export function shingled(items: Array<{ title: string; description: string | null }>): Shingled[] {
  const intern = interner();
  return items.map((it) => ({
    title: intern(shingles(it.title)),
    text: intern(shingles(`${it.title}\n${(it.description ?? '').slice(0, 300)}`)),
  }));
}
