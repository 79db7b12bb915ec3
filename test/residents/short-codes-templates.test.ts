/**
 * Short tracking codes work wherever the token does (track, verify, claim) in any case and with
 * dashes, guessing them is throttled, messages carry them in the admin's edited wording, and the
 * migration gives existing items one. E-mail sign-in links go through a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { notifyFeature } from '../../src/notify/notify.feature.js';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js';
import { startMailbox } from './sms-gateway.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('short codes, message templates, e-mail sign-in (%s)', (dialect) => {
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof startMailbox>>;
  let ip = 0;
  const from = () => `10.1.0.${++ip}`;

  beforeAll(async () => {
    mail = await startMailbox();
    t = await createTestApp(dialect, { supervision: parseSupervisionConfig({ SMTP_URL: mail.url }) });
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const report = async (email = 'wang@example.com') => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      remoteAddress: from(),
      payload: {
        title: '小区路灯不亮',
        description: '和平社区三号楼前的路灯坏了两周',
        categoryId: t.ids.categories['street-lights'],
        areaId: t.ids.areas['jz-ss'],
        reporter: { name: '王小明', email },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { code: res.json().problem.code as string, short: res.json().shortCode as string };
  };
  const mailTo = (to: string) => mail.mails.filter((m) => m.to.includes(to)).map((m) => decode(m.raw));

  it('issues a short code with every report and accepts it like the token', async () => {
    const { code, short } = await report();
    expect(short).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    const typed = ` ${short.toLowerCase().replace('-', ' - ')} `;
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/problems/${code}?token=${encodeURIComponent(typed)}`,
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().problem.reporter.email).toBe('wang@example.com');
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/problems/${code}?token=AAAA-AAAA` });
    expect(wrong.statusCode).toBe(404);

    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    await act(t, 'chengguan', code, 'rectify', { evidence: '已更换灯泡' });
    const verify = await t.app.inject({
      method: 'POST',
      url: `/api/v1/problems/${code}/actions/verify`,
      headers: { 'x-tracking-token': short.replace('-', '').toLowerCase() },
      payload: { result: 'satisfied' },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    // Every message to the reporter repeats the short code, and its link opens the item with it.
    await t.kernel.of(notifyFeature).deliver(t.kernel.db, t.clock.now());
    const mails = mailTo('wang@example.com').filter((m) => m.includes(code));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const m of mails) expect(m).toContain(short);
    expect(mails.join('\n')).toContain(`/track?code=${code}&token=${short.replace('-', '')}`);
  });

  it('throttles guessing short codes from one address', async () => {
    const { code } = await report();
    const remoteAddress = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/problems/${code}?token=ZZZZ-ZZ${i % 10}Z`,
        remoteAddress,
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(-1)).toEqual([429]);
  });

  it('sends the message as the admin edited it; refuses unknown placeholders; previews and resets', async () => {
    const admin = (o: object) => t.as('admin', o as never);
    const list = await admin({ method: 'GET', url: '/api/v1/residents/templates' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(['accept', 'assign', 'rectify', 'close', 'reject', 'return']),
    );
    const bad = await admin({
      method: 'PUT',
      url: '/api/v1/residents/templates/accept/zh',
      payload: { title: '已受理', body: '{code} 交 {unit}' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('{unit}');
    expect(bad.json().error.details).toMatchObject({ field: 'body', unknown: ['unit'] });
    expect((await t.as(null, { method: 'GET', url: '/api/v1/residents/templates' })).statusCode).toBe(401);
    expect((await t.as('shouli', { method: 'GET', url: '/api/v1/residents/templates' })).statusCode).toBe(403);

    const preview = await admin({
      method: 'POST',
      url: '/api/v1/residents/templates/assign/preview',
      payload: { lang: 'en', title: 'Assigned', body: 'Handled by {unit} before {deadline}.' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().body).toContain('Handled by 市城市管理执法委员会 before 2026-12-20.');

    const saved = await admin({
      method: 'PUT',
      url: '/api/v1/residents/templates/assign/zh',
      payload: { title: '已派单', body: '【测试模板】{code} 已派给 {unit}，期限 {deadline}，查询码 {shortCode}' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { code, short } = await report('li@example.com');
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await t.kernel.of(notifyFeature).deliver(t.kernel.db, t.clock.now());
    const got = mailTo('li@example.com').find((m) => m.includes('测试模板'));
    expect(got).toBeDefined();
    expect(got).toContain(`${code} 已派给 市城市管理执法委员会`);
    expect(got).toContain(short);

    const reset = await admin({ method: 'DELETE', url: '/api/v1/residents/templates/assign/zh' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().body).not.toContain('测试模板');
    const after = (await admin({ method: 'GET', url: '/api/v1/residents/templates' })).json();
    const assign = after.items.find((i: { action: string }) => i.action === 'assign');
    expect(assign.langs.find((l: { lang: string }) => l.lang === 'zh').edited).toBe(false);
  });

  it('signs in by a one-time e-mail link and claims a report with its short code', async () => {
    const email = 'Zhao@Example.com';
    const addr = '10.2.0.1';
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-link',
      payload: { email },
      remoteAddress: addr,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ sentTo: 'z***@example.com', expiresInMinutes: 15 });
    const body = mailTo('zhao@example.com').at(-1)!;
    const token = /link=(m_[\w-]+)/.exec(body)![1];
    const stored = await t.tdb.db.selectFrom('resident_email_links').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toMatch(/zhao@/i);
    // Within a minute a second link for the address is refused.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-link',
      payload: { email },
      remoteAddress: addr,
    });
    expect(again.statusCode).toBe(429);

    const wrongAddress = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-session',
      payload: { email: 'other@example.com', token },
    });
    expect(wrongAddress.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-session',
      payload: { email, token },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ phone: null, email: 'zhao@example.com', notifyBy: 'email' });
    const cookie = `qd_session=${ok.cookies.find((c) => c.name === 'qd_session')!.value}`;
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-session',
      payload: { email, token },
    });
    expect(twice.statusCode).toBe(401);

    const { code, short } = await report('zhao@example.com');
    const claim = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/reports/claim',
      headers: { cookie },
      payload: { code, token: short.toLowerCase() },
    });
    expect(claim.statusCode, claim.body).toBe(200);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/residents/reports', headers: { cookie } });
    expect(mine.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
  });

  it('expires links after 15 minutes and limits links per address an hour', async () => {
    const email = 'qian@example.com';
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-link',
      payload: { email },
      remoteAddress: from(),
    });
    const token = /link=(m_[\w-]+)/.exec(mailTo(email).at(-1)!)![1];
    t.clock.advanceHours(16 / 60);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents/email-session',
      payload: { email, token },
    });
    expect(late.statusCode).toBe(401);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advanceHours(2 / 60);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/residents/email-link',
        payload: { email },
        remoteAddress: from(),
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 429]);
  });

  it('gives every existing item a short code when the migration runs', async () => {
    const db = t.tdb.db;
    await migrateDown(db);
    await migrateToLatest(db);
    const rows = await db
      .selectFrom('problems')
      .select(['short_code', 'tracking_token_hash'])
      .where('tracking_token_hash', 'is not', null)
      .execute();
    expect(rows.length).toBeGreaterThan(3);
    const codes = rows.map((r) => r.short_code);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

/** The mail's text: nodemailer sends mostly-Chinese bodies in base64, others quoted-printable. */
function decode(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return `${head}\n\n${Buffer.from(body, 'base64').toString('utf8')}`;
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}
