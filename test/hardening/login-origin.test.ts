import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-reference.js';

/** Finding 9 of issue #16: a cross-site form must not sign a visitor in to the attacker's account. */
const DIALECTS = await dialects();

describe.each(DIALECTS)('login from our own pages only (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { loginPerMinute: 1_000_000 });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.kernel.rateLimiter.reset());

  const login = (headers: Record<string, string>, payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: 'qingdan.example', ...headers },
      payload,
    });
  const json = JSON.stringify({ username: 'admin', password: DEMO_PASSWORD });
  const form = `username=admin&password=${DEMO_PASSWORD}`;

  it('refuses a form-encoded login (what a cross-site <form> sends) with 415', async () => {
    const res = await login({ 'content-type': 'application/x-www-form-urlencoded' }, form);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    expect(res.cookies.find((c) => c.name === 'qd_session')).toBeUndefined();
    const multipart = await login({ 'content-type': 'multipart/form-data; boundary=x' }, '--x--');
    expect(multipart.statusCode).toBe(415);
  });

  it('refuses a JSON login from another site with 403 and accepts our own', async () => {
    const sites: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of sites) {
      const res = await login({ 'content-type': 'application/json', ...headers }, json);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.cookies.find((c) => c.name === 'qd_session')).toBeUndefined();
    }
    const own = await login({ 'content-type': 'application/json', origin: 'http://qingdan.example' }, json);
    expect(own.statusCode).toBe(200);
    // Tools without a browser send no Origin at all and still sign in.
    expect((await login({ 'content-type': 'application/json; charset=utf-8' }, json)).statusCode).toBe(200);
  });
});
