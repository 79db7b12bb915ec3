import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { LIMITS } from '../../src/comments/comment.service.js';
import { startSmsGateway } from '../residents/sms-gateway.js';

/**
 * Issue #16, finding 10: a like counted once per client-chosen X-Client-Token, so 50 requests
 * with 50 tokens were 50 likes. Now an account (staff or resident) likes once; an anonymous
 * browser likes as a server-signed device id (HMAC, in the qd_device cookie), and one address's
 * anonymous likes of a comment are capped at LIMITS.anonymousLikesPerAddress a day, however many
 * device ids it asks for.
 */
const DIALECTS = await dialects();
const ADDRESS = '203.0.113.7';

describe.each(DIALECTS)('likes cannot be inflated (%s)', (dialect) => {
  let t: TestApp;
  let gw: Awaited<ReturnType<typeof startSmsGateway>>;
  let code: string;

  const comment = async () =>
    (await t.as(null, { method: 'POST', url: `/api/v1/problems/${code}/comments`, payload: { text: '点赞' } })).json()
      .id as number;
  const like = (id: number, o: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/like`, remoteAddress: ADDRESS, ...o });
  const likes = async (id: number) =>
    (await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/comments?sort=new&limit=50` }))
      .json()
      .items.find((c: { id: number }) => c.id === id).likes as number;

  beforeAll(async () => {
    gw = await startSmsGateway();
    t = await createTestApp(dialect, {
      supervision: { ...parseSupervisionConfig({}), webhook: { url: gw.url, secret: 'x'.repeat(32) } },
    });
    code = (await reportProblem(t)).code;
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
  });
  beforeEach(() => t.kernel.rateLimiter.reset());
  afterAll(async () => {
    await t?.close();
    await gw?.close();
  });

  it('50 likes with 50 client tokens from one address count as the cap, not 50', async () => {
    const id = await comment();
    const answers = [];
    for (let i = 0; i < 50; i++) {
      answers.push(await like(id, { headers: { 'x-client-token': `script-token-${String(i).padStart(8, '0')}` } }));
    }
    expect(await likes(id)).toBe(LIMITS.anonymousLikesPerAddress);
    expect(LIMITS.anonymousLikesPerAddress).toBeLessThanOrEqual(3);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(50 - LIMITS.anonymousLikesPerAddress);
    expect(refused[0].json().error.code).toBe('rate_limited');
    // Forged device cookies are new devices too, not a way round the cap.
    const forged = await like(id, { headers: { cookie: 'qd_device=AAAAAAAAAAAAAAAAAAAAAA.forged-signature' } });
    expect(forged.statusCode).toBe(429);
    // Another address is another household; a day later the address may like again.
    expect((await like(id, { remoteAddress: '198.51.100.9' })).json().likes).toBe(LIMITS.anonymousLikesPerAddress + 1);
    t.clock.advanceHours(25);
    expect((await like(id)).statusCode).toBe(200);
  });

  it('a signed device likes once however often it asks', async () => {
    const id = await comment();
    const first = await like(id);
    const cookie = `qd_device=${first.cookies.find((c) => c.name === 'qd_device')!.value}`;
    for (let i = 0; i < 10; i++) expect((await like(id, { headers: { cookie } })).json().likes).toBe(1);
    expect(await likes(id)).toBe(1);
  });

  it('signed-in staff and residents count once each, not capped by a shared address', async () => {
    const id = await comment();
    for (const who of ['shouli', 'ducha', 'chengguan', 'jiaoyu']) {
      for (let i = 0; i < 5; i++) {
        const res = await t.as(who, { method: 'POST', url: `/api/v1/comments/${id}/like`, remoteAddress: ADDRESS });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    for (const phone of ['13900000001', '13900000002']) {
      await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone } });
      const s = await t.app.inject({
        method: 'POST',
        url: '/api/v1/residents/session',
        payload: { phone, code: gw.lastCode(phone) },
      });
      const cookie = `qd_session=${s.cookies.find((c) => c.name === 'qd_session')!.value}`;
      for (let i = 0; i < 5; i++) expect((await like(id, { headers: { cookie } })).statusCode).toBe(200);
    }
    expect(await likes(id)).toBe(6);
  });
});
