/**
 * A resident signs in with a one-time SMS code (a real HTTP listener is the gateway), sees only
 * their own reports, claims an earlier one with its token, verifies from "my reports", and gets a
 * message at each public step. Codes are stored as digests, expire, are single-use and limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { notifyFeature } from '../../src/notify/notify.feature.js';
import { startSmsGateway } from './sms-gateway.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('residents sign in by phone code (%s)', (dialect) => {
  let t: TestApp;
  let gw: Awaited<ReturnType<typeof startSmsGateway>>;
  let ip = 0;
  // Each test asks from its own address, so the per-IP limits of one test do not spill into the next.
  const from = () => `10.0.0.${++ip}`;

  const signIn = async (phone: string, remoteAddress = from()) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone }, remoteAddress });
    expect(r.statusCode, r.body).toBe(200);
    const code = gw.lastCode(phone)!;
    const s = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/session',
      payload: { phone, code },
      remoteAddress,
    });
    expect(s.statusCode, s.body).toBe(200);
    return `qd_session=${s.cookies.find((c) => c.name === 'qd_session')!.value}`;
  };

  beforeAll(async () => {
    gw = await startSmsGateway();
    t = await createTestApp(dialect, {
      supervision: { ...parseSupervisionConfig({}), webhook: { url: gw.url, secret: 'x'.repeat(32) } },
    });
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
  });

  it('sends a code by SMS, stores only its digest, and signs in once with it', async () => {
    const phone = '13900000001';
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone } });
    expect(r.json()).toEqual({ sentTo: '139****0001', expiresInMinutes: 10 });
    const code = gw.lastCode(phone)!;
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.tdb.db.selectFrom('resident_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(phone);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/session',
      payload: { phone, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/residents/session', payload: { phone, code } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ phone, email: null, notifyBy: 'sms' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/residents/session', payload: { phone, code } });
    expect(again.statusCode).toBe(401);
  });

  it('refuses an expired code, a second code within a minute, and too many per number', async () => {
    const phone = '13900000002';
    const ask = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone }, remoteAddress: from() });
    expect((await ask()).statusCode).toBe(200);
    const soon = await ask();
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error.code).toBe('rate_limited');
    const code = gw.lastCode(phone)!;
    t.clock.advanceHours(0.2); // 12 minutes: past the ten-minute life
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/residents/session', payload: { phone, code } });
    expect(late.statusCode).toBe(401);
    for (let i = 0; i < 4; i++) {
      t.clock.advanceHours(1 / 60 + 0.001);
      expect((await ask()).statusCode).toBe(200);
    }
    t.clock.advanceHours(1 / 60 + 0.001);
    expect((await ask()).statusCode).toBe(429); // the sixth within the hour
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone: '12345' } });
    expect(bad.statusCode).toBe(400);
  });

  it('limits codes per IP address across numbers', async () => {
    const addr = from();
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/residents/code',
        payload: { phone: `1370000000${i}` },
        remoteAddress: addr,
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('gives a resident their own reports only, claims an earlier one, and lets them verify', async () => {
    const alice = await signIn('13900000011');
    const bob = await signIn('13900000012');
    const mine = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      headers: { cookie: alice },
      payload: {
        title: '人行道井盖缺失',
        description: '北京路人行道井盖缺失',
        categoryId: t.ids.categories['street-lights'],
        areaId: t.ids.areas['jz-ss'],
        reporter: { name: '李女士', phone: '13900000011' },
      },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const code = mine.json().problem.code;
    const earlier = await reportProblem(t);
    const claim = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/reports/claim',
      headers: { cookie: alice },
      payload: { code: earlier.code, token: 'wrong' },
    });
    expect(claim.statusCode).toBe(404);
    const claimed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/reports/claim',
      headers: { cookie: alice },
      payload: earlier,
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/v1/residents/reports', headers: { cookie: alice } });
    expect(
      theirs
        .json()
        .items.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual([code, earlier.code].sort());
    expect(theirs.json().items[0].nextStep.zh).toBe('等待受理中心审核');
    const others = await t.app.inject({ method: 'GET', url: '/api/v1/residents/reports', headers: { cookie: bob } });
    expect(others.json().items).toEqual([]);
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/reports/claim',
      headers: { cookie: bob },
      payload: earlier,
    });
    expect(stolen.statusCode).toBe(409);
    // Bob cannot read Alice's unreviewed report at all; staff pages do not open to residents.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/problems/${code}`, headers: { cookie: bob } })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: bob } })).statusCode).toBe(
      403,
    );

    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    await act(t, 'chengguan', code, 'rectify', { evidence: '已补装井盖' });
    const outbox = await t.tdb.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('recipient', '=', '13900000011')
      .execute();
    expect(outbox.map((o) => JSON.parse(o.payload).kind)).toEqual(['reporter_assign', 'reporter_rectify']);
    expect(JSON.parse(outbox[0].payload).body).toContain('城');
    await t.kernel.of(notifyFeature).deliver(t.kernel.db, t.clock.now());
    expect(gw.received.some((m) => m.phone === '13900000011' && m.body.includes('请验证评价'))).toBe(true);

    const verify = await t.app.inject({
      method: 'POST',
      url: `/api/v1/problems/${code}/actions/verify`,
      headers: { cookie: alice },
      payload: { result: 'satisfied', comment: '很快' },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const byBob = await t.app.inject({
      method: 'POST',
      url: `/api/v1/problems/${earlier.code}/actions/verify`,
      headers: { cookie: bob },
      payload: { result: 'satisfied' },
    });
    expect(byBob.statusCode).not.toBe(200);
  });
});
