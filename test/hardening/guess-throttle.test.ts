import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

/**
 * Finding 16 of issue #16: tracking tokens, API keys and Open311 keys could be guessed at network
 * speed. Each address now presents a limited number of tokens a minute, and after too many
 * refused keys or tokens it is refused (429) before any lookup until the minute is over.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('guessing secrets is throttled per address (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { tokenTriesPerMinute: 5, secretFailuresPerMinute: 3 });
    code = (await reportProblem(t, { isPublic: false })).code;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => t.kernel.rateLimiter.reset());

  type Opts = { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: string };
  const from = (ip: string, o: Opts) =>
    t.app.inject({ method: o.method ?? 'GET', url: o.url, headers: o.headers, payload: o.payload, remoteAddress: ip });

  it('shuts out an address after a few refused API keys, and not another address', async () => {
    const guess = (ip: string, n: number) =>
      from(ip, { url: '/api/v1/problems?limit=1', headers: { 'x-api-key': `qd_guess_${n}` } });
    for (let i = 0; i < 4; i++) expect((await guess('10.9.0.1', i)).statusCode).toBe(401);
    const shut = await guess('10.9.0.1', 99);
    expect(shut.statusCode).toBe(429);
    expect(shut.json().error.code).toBe('rate_limited');
    // Even a request without a secret waits: the address is shut out for the minute.
    expect((await from('10.9.0.1', { url: '/api/v1/problems?limit=1' })).statusCode).toBe(429);
    expect((await guess('10.9.0.2', 1)).statusCode).toBe(401);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
    expect((await guess('10.9.0.1', 100)).statusCode).toBe(401);
  });

  it('limits tracking tokens presented per minute, right or wrong', async () => {
    const read = (token: string) => from('10.9.0.3', { url: `/api/v1/problems/${code}?token=${token}` });
    for (let i = 0; i < 4; i++) expect((await read(`t_wrong${i}`)).statusCode).toBe(404);
    expect((await read('t_wrong_again')).statusCode).toBe(429);
    t.kernel.rateLimiter.reset();
    const header = (n: number) =>
      from('10.9.0.4', { url: `/api/v1/problems/${code}`, headers: { 'x-tracking-token': `t_${n}` } });
    const codes = [];
    for (let i = 0; i < 8; i++) codes.push((await header(i)).statusCode);
    expect(codes).toContain(429);
  });

  it('counts refused Open311 api_key form fields', async () => {
    const post = () =>
      from('10.9.0.5', {
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'api_key=guess&service_code=roads&lat=30.3&long=112.2&description=x',
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post()).statusCode);
    expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403]);
    // Open311 has no 429: its error format answers 400 with the reason.
    expect(statuses[4]).toBe(400);
  });
});
