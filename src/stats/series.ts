import type { Grouped } from './stats.repository.js';

/** ISO week ('2026-W45') of a 'YYYY-MM-DD' date: weeks start on Monday, week 1 holds January 4th. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Sums per-day counts into months ('2026-11') or ISO weeks, oldest first. */
export function bucketSeries(
  days: Grouped[],
  interval: 'week' | 'month',
): { period: string; found: number; rectified: number }[] {
  const out = new Map<string, { found: number; rectified: number }>();
  for (const d of days) {
    if (typeof d.key !== 'string') continue;
    const period = interval === 'month' ? d.key.slice(0, 7) : isoWeek(d.key);
    const b = out.get(period) ?? { found: 0, rectified: 0 };
    b.found += d.count;
    b.rectified += d.rectified;
    out.set(period, b);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, b]) => ({ period, ...b }));
}
