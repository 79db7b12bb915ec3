/**
 * Following an area or category: immediate messages by SMS, the daily digest by e-mail (a real
 * SMTP server), one-click unsubscribe, and Atom feeds per area and category.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { notifyFeature } from '../../src/notify/notify.feature.js';
import { residentsFeature } from '../../src/residents/residents.feature.js';
import { startMailbox, startSmsGateway } from './sms-gateway.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('subscriptions and feeds (%s)', (dialect) => {
  let t: TestApp;
  let gw: Awaited<ReturnType<typeof startSmsGateway>>;
  let mail: Awaited<ReturnType<typeof startMailbox>>;
  let n = 0;

  const signIn = async (phone: string) => {
    const remoteAddress = `10.1.0.${++n}`;
    await t.app.inject({ method: 'POST', url: '/api/v1/residents/code', payload: { phone }, remoteAddress });
    const s = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/session',
      payload: { phone, code: gw.lastCode(phone) },
      remoteAddress,
    });
    return `qd_session=${s.cookies.find((c) => c.name === 'qd_session')!.value}`;
  };
  const deliver = () => t.kernel.of(notifyFeature).deliver(t.kernel.db, t.clock.now());

  beforeAll(async () => {
    gw = await startSmsGateway();
    mail = await startMailbox();
    const base = parseSupervisionConfig({ SMTP_URL: mail.url });
    t = await createTestApp(dialect, {
      supervision: { ...base, webhook: { url: gw.url, secret: 'x'.repeat(32) } },
    });
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
    await mail.close();
  });

  it('sends the daily digest of an area by e-mail and immediate news of a category by SMS', async () => {
    const carol = await signIn('13600000001');
    const dave = await signIn('13600000002');
    const prefs = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/residents/me',
      headers: { cookie: carol },
      payload: { email: 'carol@example.com', notifyBy: 'email' },
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    const sub = (payload: object, cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/residents/subscriptions', headers: { cookie }, payload });
    expect((await sub({ areaId: t.ids.areas['jz-ss'], mode: 'daily' }, carol)).statusCode).toBe(201);
    expect((await sub({ categoryId: t.ids.categories['street-lights'], mode: 'immediate' }, dave)).statusCode).toBe(
      201,
    );
    expect((await sub({ areaId: 999999, mode: 'daily' }, dave)).statusCode).toBe(404);
    expect((await sub({ mode: 'daily' }, dave)).statusCode).toBe(400);

    const { code } = await reportProblem(t, { areaId: t.ids.areas['jz-ss-zs-hp'] });
    t.clock.advanceHours(1);
    await act(t, 'shouli', code, 'accept');
    await deliver();
    const sms = gw.received.filter((m) => m.phone === '13600000002' && m.kind === 'subscription');
    expect(sms).toHaveLength(1);
    expect(sms[0].body).toContain(code);
    expect(sms[0].body).not.toContain('王小明');

    t.clock.advanceHours(1);
    expect(await t.kernel.of(residentsFeature).subscriptions.sendDigests()).toEqual({ sent: 1 });
    await deliver();
    const digest = mail.mails.find((m) => m.to.includes('carol@example.com'));
    expect(digest).toBeDefined();
    expect(digest!.raw).toContain(code);
    // Nothing new since: no second digest.
    expect(await t.kernel.of(residentsFeature).subscriptions.sendDigests()).toEqual({ sent: 0 });

    const token = /unsubscribe\?token=(u_[\w-]+)/.exec(sms[0].body)![1];
    const off = await t.app.inject({ method: 'GET', url: `/api/v1/residents/unsubscribe?token=${token}` });
    expect(off.statusCode).toBe(200);
    const left = await t.app.inject({
      method: 'GET',
      url: '/api/v1/residents/subscriptions',
      headers: { cookie: dave },
    });
    expect(left.json().items).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/residents/unsubscribe?token=${token}` })).statusCode,
    ).toBe(404);
  });

  it('publishes Atom feeds of new and rectified items per area, and refuses an unknown area', async () => {
    const { code } = await reportProblem(t, { title: '护栏<损坏>' });
    await act(t, 'shouli', code, 'accept');
    const feed = await t.app.inject({ method: 'GET', url: `/api/v1/feeds/items.atom?areaId=${t.ids.areas['jz-ss']}` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('护栏&lt;损坏&gt;');
    expect(feed.body).not.toContain('13812345678');
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/feeds/items.atom?areaId=${t.ids.areas['jz-sz']}` });
    expect(other.body).not.toContain(code);
    const rectified = await t.app.inject({ method: 'GET', url: '/api/v1/feeds/items.atom?kind=rectified' });
    expect(rectified.body).not.toContain(code);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feeds/items.atom?areaId=999999' })).statusCode).toBe(404);
  });
});
