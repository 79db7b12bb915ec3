/**
 * The headline figures are asked for on every home page and change only when an item is written.
 * Answers are cached per (caller's visibility, filter) and dropped on every problem write in this
 * process (`bump`, from the write hook); writes by another process (CLI import, a second server)
 * and a read racing an uncommitted write are bounded by `ttlMs`.
 */
export function summaryCache<T>(ttlMs = 5_000, now: () => number = Date.now, maxEntries = 500) {
  let generation = 0;
  const entries = new Map<string, { generation: number; at: number; value: Promise<T> }>();
  return {
    bump(): void {
      generation++;
      entries.clear();
    },
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.generation === generation && now() - hit.at <= ttlMs) return hit.value;
      const started = generation;
      const value = compute();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { generation: started, at: now(), value });
      // A failed computation is not remembered.
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}
