import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { verifyWebhook } from '../../src/notify/webhook-channel.js';
import { assignedItem, at } from './helpers.js';
import { jobsFeature } from '../../src/jobs/jobs.feature.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';

const DIALECTS = await dialects();
const SECRET = 'test-webhook-secret';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
interface Hook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real SMTP server and a real HTTP listener, both on ephemeral ports. */
async function receivers() {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const hooks: Hook[] = [];
  let failNext = 0;
  const web = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.statusCode = 503;
        res.end('busy');
        return;
      }
      hooks.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  return {
    mails,
    hooks,
    failOnce: () => {
      failNext = 1;
    },
    smtpPort: (smtp.server.address() as AddressInfo).port,
    webPort: (web.address() as AddressInfo).port,
    async close() {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => web.close(() => r()));
    },
  };
}

const NO_CONTACT = { reporter: { name: '王小明' } };

describe.each(DIALECTS)('notifications by e-mail and signed webhook (%s)', (dialect) => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof receivers>>;
  beforeAll(async () => {
    r = await receivers();
    const saved = { ...process.env };
    // The feature reads its channels from the environment, as a deployment would.
    process.env.SMTP_URL = `smtp://127.0.0.1:${r.smtpPort}`;
    process.env.SMTP_FROM = 'Qingdan <noreply@jingzhou.example>';
    process.env.QINGDAN_WEBHOOK_URL = `http://127.0.0.1:${r.webPort}/sms`;
    process.env.QINGDAN_WEBHOOK_SECRET = SECRET;
    try {
      t = await createTestApp(dialect, { sessionDays: 3650, supervision: parseSupervisionConfig(process.env) });
    } finally {
      process.env = saved;
    }
    await t.tdb.db
      .updateTable('users')
      .set({ email: 'chengguan@jingzhou.example', phone: '13900000001' })
      .where('username', '=', 'chengguan')
      .execute();
  });
  afterAll(async () => {
    await t.close();
    await r.close();
  });

  it('delivers an assignment notice to a real SMTP server and a signed webhook', async () => {
    at(t, '2026-11-02');
    // A reporter without phone or e-mail: only the unit's notice goes out (reporters' own updates
    // are the residents feature's, tested in test/residents).
    const { code } = await assignedItem(t, { sign: false, body: NO_CONTACT });
    const inbox = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'assignment', problemCode: code, readAt: null });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);

    const result = await t.kernel.of(jobsFeature).runner.run('notifications');
    expect(result).toMatchObject({ ran: true, result: { sent: 2, failed: 0 } });
    expect(r.mails).toHaveLength(1);
    expect(r.mails[0].to).toEqual(['chengguan@jingzhou.example']);
    expect(r.mails[0].from).toBe('noreply@jingzhou.example');
    expect(r.mails[0].raw).toContain('X-Qingdan-Kind: assignment');
    expect(r.mails[0].raw).toMatch(/Subject: =\?UTF-8\?/); // the Chinese subject is MIME-encoded

    expect(r.hooks).toHaveLength(1);
    const h = r.hooks[0];
    expect(
      verifyWebhook(
        SECRET,
        String(h.headers['x-qingdan-timestamp']),
        h.body,
        String(h.headers['x-qingdan-signature']),
        Date.now(),
      ),
    ).toBe(true);
    expect(
      verifyWebhook(
        'another-secret',
        String(h.headers['x-qingdan-timestamp']),
        h.body,
        String(h.headers['x-qingdan-signature']),
        Date.now(),
      ),
    ).toBe(false);
    expect(
      verifyWebhook(
        SECRET,
        String(h.headers['x-qingdan-timestamp']),
        h.body.replace('assignment', 'reminder'),
        String(h.headers['x-qingdan-signature']),
        Date.now(),
      ),
    ).toBe(false);
    expect(JSON.parse(h.body)).toMatchObject({
      event: 'notification',
      kind: 'assignment',
      problemCode: code,
      recipient: { username: 'chengguan', phone: '13900000001' },
    });

    // Delivered once: a rerun finds nothing due.
    expect(await t.kernel.of(jobsFeature).runner.run('notifications')).toMatchObject({
      ran: true,
      result: { sent: 0 },
    });
  });

  it('retries a webhook the gateway refused, after a back-off', async () => {
    at(t, '2026-11-03');
    r.failOnce();
    const before = r.hooks.length;
    await assignedItem(t, { sign: false, body: NO_CONTACT });
    expect(await t.kernel.of(jobsFeature).runner.run('notifications')).toMatchObject({
      result: { sent: 1, failed: 1 },
    });
    expect(r.hooks.length).toBe(before);
    expect(await t.kernel.of(jobsFeature).runner.run('notifications')).toMatchObject({
      result: { sent: 0, failed: 0 },
    }); // not due yet
    t.clock.advanceHours(1);
    expect(await t.kernel.of(jobsFeature).runner.run('notifications')).toMatchObject({
      result: { sent: 1, failed: 0 },
    });
    expect(r.hooks.length).toBe(before + 1);
  });

  it('keeps an inbox per user with unread counts', async () => {
    const counts = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications/unread-count' })).json();
    expect(counts.byKind.assignment).toBeGreaterThanOrEqual(2);
    const first = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications?limit=1' })).json();
    const marked = await t.as('chengguan', {
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: { ids: [first.items[0].id] },
    });
    expect(marked.json()).toMatchObject({ marked: 1, unread: counts.unread - 1 });
    // Someone else's ids are not theirs to mark.
    expect(
      (
        await t.as('jiaoyu', {
          method: 'POST',
          url: '/api/v1/notifications/read',
          payload: { ids: [first.items[0].id] },
        })
      ).json().marked,
    ).toBe(0);
    expect(
      (await t.as('chengguan', { method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } })).json()
        .unread,
    ).toBe(0);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
