import { AppError } from '../errors.js';

/**
 * Fixed-window counters in memory, per bucket and client key. One process is the unit of
 * deployment for the embedded database; behind a load balancer each instance limits on its own.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly clock: () => number = Date.now) {}

  /** Throws rate_limited when `key` has used up `limit` hits in the current window. */
  hit(bucket: string, key: string, limit: number, windowMs = 60_000): void {
    const now = this.clock();
    const id = `${bucket}:${key}`;
    const w = this.windows.get(id);
    if (!w || now - w.start >= windowMs) {
      this.windows.set(id, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      return;
    }
    w.count++;
    if (w.count > limit) {
      const retryAfter = Math.ceil((w.start + windowMs - now) / 1000);
      throw new AppError('rate_limited', `too many requests; try again in ${retryAfter} s`, {
        retryAfterSeconds: retryAfter,
      });
    }
  }

  /** Whether `key` has already used more than `limit` hits in the current window (counts nothing). */
  over(bucket: string, key: string, limit: number, windowMs = 60_000): boolean {
    const w = this.windows.get(`${bucket}:${key}`);
    return Boolean(w && this.clock() - w.start < windowMs && w.count > limit);
  }

  reset(): void {
    this.windows.clear();
  }

  private sweep(now: number, windowMs: number): void {
    for (const [id, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(id);
  }
}
