import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';

/**
 * Fixed-window counters per bucket and client key. On SQLite (one process) they live in memory;
 * on PostgreSQL in the `rate_limits` table, so every instance behind a load balancer counts
 * against the same limit (one upsert per limited request).
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  /** Bumped by reset(): shared rows of earlier generations no longer count (tests start afresh). */
  private generation = 0;
  private hits = 0;
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly shared: Db | null = null,
  ) {}

  /** Throws rate_limited when `key` has used up `limit` hits in the current window. */
  async hit(bucket: string, key: string, limit: number, windowMs = 60_000): Promise<void> {
    const now = this.clock();
    const { start, count } = this.shared
      ? await this.sharedHit(this.shared, bucket, key, now, windowMs)
      : this.localHit(bucket, key, now, windowMs);
    if (count > limit) this.refuse(start, now, windowMs);
  }

  /**
   * This process's count only, synchronously: for guards that must take effect on the very next
   * request (the guess throttle), where one instance's view is enough.
   */
  hitLocal(bucket: string, key: string, limit: number, windowMs = 60_000): void {
    const now = this.clock();
    const { start, count } = this.localHit(bucket, key, now, windowMs);
    if (count > limit) this.refuse(start, now, windowMs);
  }

  /** Whether `key` has used more than `limit` local hits in the current window (counts nothing). */
  over(bucket: string, key: string, limit: number, windowMs = 60_000): boolean {
    const w = this.windows.get(`${bucket}:${key}`);
    return Boolean(w && this.clock() - w.start < windowMs && w.count > limit);
  }

  private refuse(start: number, now: number, windowMs: number): never {
    const retryAfter = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
    throw new AppError(
      'rate_limited',
      say(`请求过于频繁，请 ${retryAfter} 秒后再试`, `too many requests; try again in ${retryAfter} s`),
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }

  reset(): void {
    this.windows.clear();
    this.generation++;
  }

  private localHit(bucket: string, key: string, now: number, windowMs: number) {
    const id = `${bucket}:${key}`;
    const w = this.windows.get(id);
    if (!w || now - w.start >= windowMs) {
      const fresh = { start: now, count: 1 };
      this.windows.set(id, fresh);
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      return fresh;
    }
    w.count++;
    return w;
  }

  private async sharedHit(db: Db, bucket: string, key: string, now: number, windowMs: number) {
    // Windows aligned to the clock, so every instance agrees on where one starts.
    const start = now - (now % windowMs);
    const client = this.generation ? `${this.generation}:${key}` : key;
    const row = await sql<{ count: number }>`
      insert into rate_limits (bucket, client, window_start, count) values (${bucket}, ${client}, ${start}, 1)
      on conflict (bucket, client) do update set
        count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
        window_start = excluded.window_start
      returning count`.execute(db);
    // Now and then, forget clients whose window ended long ago.
    if (++this.hits % 1000 === 0) {
      await sql`delete from rate_limits where window_start < ${now - 3_600_000}`.execute(db).catch(() => undefined);
    }
    return { start, count: Number(row.rows[0].count) };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [id, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(id);
  }
}
