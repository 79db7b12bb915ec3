/**
 * Notices reach the applicant through the notifier (the SMS gateway's webhook, e-mail) in the
 * registering transaction; an applicant's cases are found by ID number from a request body only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';
import { publishedMatter, registerBody, residentId } from './hall-fixtures.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('hall notices to applicants (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      supervision: {
        ...parseSupervisionConfig({}),
        webhook: { url: 'http://127.0.0.1:9/sms', secret: 'x'.repeat(32) },
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('queues the one-time notice for the SMS gateway with the missing materials and the progress link', async () => {
    const m = await publishedMatter(t);
    const r = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/applications',
      payload: registerBody('TAX-QS-001', [m.materials[0].id]),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().notice.sent).toEqual(['webhook']);
    const outbox = await t.tdb.db.selectFrom('notification_outbox').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'webhook', recipient: '13971234567', notification_id: null });
    const sms = JSON.parse(outbox[0].payload);
    expect(sms.body).toContain('存量房买卖合同');
    expect(sms.body).toContain(`/hall/case?no=${r.json().case.number}&token=`);
    expect(outbox[0].payload).not.toContain(residentId());
  });

  it('finds an applicant’s cases by ID number for the window, not in a URL', async () => {
    const found = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/applications/by-identity',
      payload: { idNumber: residentId().toLowerCase() },
    });
    expect(found.json().total).toBe(1);
    const none = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/applications/by-identity',
      payload: { idNumber: residentId('19700101') },
    });
    expect(none.json().total).toBe(0);
    expect(
      (
        await t.as('ducha', {
          method: 'POST',
          url: '/api/v1/applications/by-identity',
          payload: { idNumber: residentId() },
        })
      ).statusCode,
    ).toBe(403);
  });
});
