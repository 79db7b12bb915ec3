import type { ListTotal } from './problem-list.repository.js';

/**
 * The totals of lists just shown, so that the pages reached by following `nextCursor` repeat the
 * first page's total instead of counting again: a count walks up to 10,001 matching rows, which on
 * a million items costs more than the page itself (the city's-day bench found counts of 100–600 ms
 * behind every later page of a broad public list). A first page always counts afresh, so a list
 * opened after a write shows it; a later page shows the total of at most `ttlMs` ago, as a paging
 * session does in most products. Keyed by who is looking (visibility) and the filter, not the page.
 */
export function listTotals(ttlMs = 60_000, now: () => number = Date.now, maxEntries = 1_000) {
  const entries = new Map<string, { at: number; total: ListTotal }>();
  return {
    /** The total for `key`: remembered for a later page (`reuse`), else counted and remembered. */
    async get(key: string, reuse: boolean, count: () => Promise<ListTotal>): Promise<ListTotal> {
      const hit = entries.get(key);
      if (reuse && hit && now() - hit.at <= ttlMs) return hit.total;
      const total = await count();
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.delete(key);
      entries.set(key, { at: now(), total });
      return total;
    },
  };
}

/** The part of a list request that decides its total: everything but the page (cursor, size, order). */
export const totalKey = (visibility: unknown, query: Record<string, unknown>): string => {
  const { cursor: _cursor, limit: _limit, sort: _sort, ...filter } = query;
  return JSON.stringify([visibility, filter]);
};
