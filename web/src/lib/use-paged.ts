import { useCallback, useEffect, useRef, useState } from 'react';
import { listProblems, type ProblemQuery } from '../api/problems.js';
import type { Problem } from '../api/problems.js';

/** Keyset paging over /problems: the first page on query change, then "load more" with nextCursor. */
export function usePagedProblems(query: ProblemQuery) {
  const key = JSON.stringify(query);
  const [items, setItems] = useState<Problem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState<{ n: number; exact: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const ctl = useRef<AbortController | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setLoading(true);
      setError(null);
      try {
        const page = await listProblems({ ...(JSON.parse(key) as ProblemQuery), cursor: after ?? undefined }, c.signal);
        if (c.signal.aborted) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        if (page.total !== undefined) setTotal({ n: page.total, exact: page.totalExact !== false });
      } catch (e) {
        if (c.signal.aborted) return;
        setError(e);
      } finally {
        if (!c.signal.aborted) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setTotal(null);
    void load(null);
    return () => ctl.current?.abort();
  }, [load, tick]);

  return {
    items,
    /** Items matching (counted exactly up to 10,000; `exact` false beyond). */
    total,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor && !loading) void load(cursor);
    },
    reload: () => setTick((n) => n + 1),
  };
}
