import type { CountRow } from '../api/stats.js';

/**
 * The rows worth a chart from a tree breakdown: counts already include sub-items, so charting
 * every level would count items twice. Take the top level, or the children of a single root
 * (the city above its districts).
 */
export function topRows(rows: CountRow[]): CountRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const roots = rows.filter((r) => r.parentId === null || !ids.has(r.parentId));
  if (roots.length === 1) {
    const children = rows.filter((r) => r.parentId === roots[0].id);
    if (children.length) return children;
  }
  return roots;
}

export const COLORS = ['#c0392b', '#2e86de', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#d35400', '#7f8c8d'];

/** Text equivalent of a chart for screen readers: "name found/rectified; …". */
export const describeRows = (rows: { name: string; count: number; rectified: number }[]) =>
  rows.map((r) => `${r.name} ${r.count}/${r.rectified}`).join('; ');
