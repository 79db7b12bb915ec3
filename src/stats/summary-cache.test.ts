import { describe, expect, it } from 'vitest';
import { summaryCache } from './summary-cache.js';

describe('summary cache', () => {
  it('answers from the cache until a write or the time bound', async () => {
    let t = 0;
    let computed = 0;
    const cache = summaryCache<number>(5_000, () => t);
    const get = () => cache.get('public', async () => ++computed);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    cache.bump();
    expect(await get()).toBe(2);
    t += 5_001;
    expect(await get()).toBe(3);
    expect(await cache.get('staff', async () => 99)).toBe(99);
  });

  it('does not keep a failed computation', async () => {
    const cache = summaryCache<number>();
    await expect(
      cache.get('k', async () => {
        throw new Error('db down');
      }),
    ).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });
});
