import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { postgresAvailable } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildApp } from '../../src/app.js';

/**
 * Two instances on one PostgreSQL count against one limit: a client cannot multiply its
 * allowance by spreading requests over the instances behind a load balancer.
 */
describe.runIf(await postgresAvailable())('rate limits shared through PostgreSQL', () => {
  let t: TestApp;
  let other: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    other = await buildApp(t.config, { db: t.tdb.db, clock: t.clock.now, logger: false });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('refuses the login beyond the limit whichever instance counted the earlier ones', async () => {
    const limit = t.config.loginPerMinute;
    const login = (app: FastifyInstance, i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `nobody-${i}`, password: 'wrong-password' },
      });
    for (let i = 0; i < limit; i++) {
      const res = await login(i % 2 ? other : t.app, i);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const over = await login(other, limit);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    // A new window (the clock moved on a minute) lets the client in again, on either instance.
    t.clock.advanceHours(1 / 60);
    expect((await login(t.app, limit + 1)).statusCode).toBe(401);
  });
});
