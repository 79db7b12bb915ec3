import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

/**
 * Public writes that cost the city something are rate-limited per client: a burst beyond the
 * limit answers 429 in the error format, stores nothing, and staff are not held back. A feature
 * with a new public write adds a row to LIMITED.
 */
const DIALECTS = await dialects();

interface Limited {
  name: string;
  limit: (t: TestApp) => number;
  request: (t: TestApp, i: number, ctx: { code: string }) => InjectOptions;
  /** The table a refused request must not have written to. */
  table: 'problems' | 'sessions' | 'comments';
}

const LIMITED: Limited[] = [
  {
    name: 'public submission',
    limit: (t) => t.config.publicSubmitPerMinute,
    table: 'problems',
    request: (_t, i) => ({
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: `限流测试 ${i}`, description: '连续提交' },
    }),
  },
  {
    name: 'login',
    limit: (t) => t.config.loginPerMinute,
    table: 'sessions',
    // Unknown names, so the per-account lockout (tested elsewhere) does not answer first.
    request: (_t, i) => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `nobody-${i}`, password: 'wrong-password' },
    }),
  },
  {
    name: 'comments',
    limit: () => 5,
    table: 'comments',
    request: (_t, i, ctx) => ({
      method: 'POST',
      url: `/api/v1/problems/${ctx.code}/comments`,
      payload: { text: `评论 ${i}` },
    }),
  },
];

describe.each(DIALECTS)('rate limits (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
    await act(t, 'shouli', code, 'accept'); // public from now on, so it can be commented on
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.kernel.rateLimiter.reset();
  });

  it.each(LIMITED.map((l) => [l.name, l] as const))('limits %s per client', async (_name, l) => {
    const probe = await t.app.inject(l.request(t, 0, { code }));
    if (probe.statusCode === 404 && /no route/.test(probe.body)) return; // the feature is not in this build
    expect(probe.statusCode, probe.body).not.toBe(429);
    const limit = l.limit(t);
    for (let i = 1; i < limit; i++) {
      const res = await t.app.inject(l.request(t, i, { code }));
      expect(res.statusCode, `request ${i + 1} of ${limit}`).not.toBe(429);
    }
    const count = async () =>
      Number(
        (
          await t.tdb.db
            .selectFrom(l.table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const over = await t.app.inject(l.request(t, limit, { code }));
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    expect(await count()).toBe(before);
    // Another client (address) still gets through.
    const other = await t.app.inject({ ...l.request(t, limit + 1, { code }), remoteAddress: '203.0.113.9' });
    expect(other.statusCode).not.toBe(429);
  });

  it('does not hold back staff submitting on the phone line', async () => {
    for (let i = 0; i <= t.config.publicSubmitPerMinute; i++) {
      const res = await t.as('shouli', {
        method: 'POST',
        url: '/api/v1/problems',
        payload: { title: `热线 ${i}`, description: '热线转录', sourceCode: 'hotline' },
      });
      expect(res.statusCode).toBe(201);
    }
  });
});
