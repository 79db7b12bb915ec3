/**
 * The hall over HTTP on both databases: a case with a missing material gets a one-time notice (a
 * real PDF), is completed and accepted, reviewed, approved, issued and rated 不满意; the rating is
 * an item of the list with five working days for the department, rectified and called back; the
 * department's month shows it. Bad input stores nothing; ID numbers stay masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from '../hardening/fuzz-support.js';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { verifyHallChain } from '../../src/hall/hall-audit.js';
import { defaultCalendar } from '../../src/supervision/calendar.js';
import { pdfText } from './pdf-text.js';
import { registerBody, residentId, taxMatter } from './hall-fixtures.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('hall flow (%s)', (dialect) => {
  let t: TestApp;
  let mats: { id: number; name: string; required: boolean }[];
  let number = '';
  let token = '';
  let itemCode = '';
  const post = (who: string | null, url: string, payload: object = {}) => t.as(who, { method: 'POST', url, payload });
  const get = (who: string | null, url: string) => t.as(who, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses cases for an unpublished matter, then finds the published guide in Chinese', async () => {
    const draft = await post('admin', '/api/v1/matters', taxMatter(t));
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().state).toBe('draft');
    const early = await post('shouli', '/api/v1/applications', registerBody('TAX-QS-001', []));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.field).toBe('matterCode');
    expect((await get(null, '/api/v1/matters?q=契税')).json().total).toBe(0);
    const pub = await post('admin', '/api/v1/matters/TAX-QS-001/publish');
    expect(pub.json()).toMatchObject({ state: 'current', version: 1, effectiveFrom: '2026-11-02' });
    mats = pub.json().materials;
    for (const q of ['契税', '存量房', '税务', 'TAX-QS']) {
      const found = (await get(null, `/api/v1/matters?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((m: { code: string }) => m.code),
        q,
      ).toEqual(['TAX-QS-001']);
    }
    expect((await get(null, '/api/v1/matters?lifeEvent=housing')).json().total).toBe(1);
    expect((await get(null, '/api/v1/matters?lifeEvent=birth')).json().total).toBe(0);
    expect((await get(null, `/api/v1/matters?departmentId=${t.ids.departments.tax}`)).json().total).toBe(1);
  });

  it('refuses bad applications and stores nothing of them', async () => {
    await t.login('shuiwu');
    const before = await fingerprint(t.tdb.db);
    const bad = [
      registerBody('TAX-QS-001', [999_999]),
      registerBody('TAX-QS-001', [mats[0].id], {
        applicant: { kind: 'person', name: '王五', idNumber: '420102198506120311' },
      }),
      registerBody('TAX-QS-001', [mats[0].id], {
        applicant: { kind: 'enterprise', name: '荆州市某公司', idNumber: '91421000MA4F0ABC10' },
      }),
      registerBody('TAX-QS-001', [mats[0].id], { deferred: [{ materialId: mats[1].id, promisedDate: '2026-11-10' }] }),
    ];
    for (const body of bad) {
      const r = await post('shouli', '/api/v1/applications', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('validation_failed');
    }
    expect((await post('shuiwu', '/api/v1/applications', registerBody('TAX-QS-001', []))).statusCode).toBe(403);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
  });

  it('issues a one-time notice listing everything missing, printable as a PDF', async () => {
    const r = await post('shouli', '/api/v1/applications', registerBody('TAX-QS-001', [mats[0].id]));
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    number = body.case.number;
    token = body.trackingToken;
    expect(body.case).toMatchObject({ status: 'incomplete', noticeCount: 1, dueDate: null });
    expect(body.notice.kind).toBe('one_time');
    expect(body.notice.lines.join('\n')).toContain('存量房买卖合同');
    expect(body.notice.lines.join('\n')).toContain('婚姻状况证明');
    expect(JSON.stringify(body)).not.toContain(residentId());
    const pdf = await t.as(null, {
      method: 'GET',
      url: `/api/v1/applications/${number}/notices/${body.notice.id}/pdf?token=${token}`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('一次性告知书');
    expect(text).toContain('存量房买卖合同');
    expect(text).toContain(number);
    expect(text).not.toContain(residentId());
    // Without the token the public learns nothing, not even that the case exists.
    expect((await get(null, `/api/v1/applications/${number}/notices/${body.notice.id}/pdf`)).statusCode).toBe(404);
  });

  it('accepts the case when the applicant returns, with a promised date in working days', async () => {
    const r = await post('shouli', `/api/v1/applications/${number}/materials`, {
      materialIds: [mats[1].id, mats[2].id],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-11-02',
      dueDate: defaultCalendar().addWorkingDays('2026-11-02', 3),
    });
    expect(r.json().notices.map((n: { kind: string }) => n.kind)).toEqual(['one_time', 'acceptance']);
  });

  it('gives no result before review, then reviews, approves and issues', async () => {
    for (const action of ['approve', 'issue']) {
      const early = await post('shuiwu', `/api/v1/applications/${number}/actions/${action}`, { method: 'window' });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('invalid_transition');
    }
    expect((await post('jiaoyu', `/api/v1/applications/${number}/actions/review`)).statusCode).toBe(404);
    expect((await post('shuiwu', `/api/v1/applications/${number}/actions/review`)).json().status).toBe('reviewing');
    const approved = (
      await post('shuiwu', `/api/v1/applications/${number}/actions/approve`, { note: '符合条件' })
    ).json();
    expect(approved).toMatchObject({ status: 'approved', onTime: true, workingDaysUsed: 0 });
    const issued = await post('shouli', `/api/v1/applications/${number}/actions/issue`, { method: 'window' });
    expect(issued.json().status).toBe('issued');
  });

  it('takes one rating per finished case; 不满意 becomes an item with five working days', async () => {
    const url = `/api/v1/applications/${number}/ratings`;
    expect((await post(null, url, { level: 9, token })).statusCode).toBe(400);
    expect((await post(null, url, { level: 2, token: 'wrong' })).statusCode).toBe(404);
    expect((await post(null, url, { level: 2, token, reasons: ['once'] })).statusCode).toBe(400);
    const r = await post(null, url, { level: 2, token, reasons: ['slow', 'repeat_visits'], comment: '跑了两趟' });
    expect(r.statusCode, r.body).toBe(201);
    itemCode = r.json().problemCode;
    const again = await post(null, url, { level: 5, token });
    expect(again.statusCode).toBe(409);
    const item = (await get('admin', `/api/v1/problems/${itemCode}`)).json().problem;
    expect(item).toMatchObject({
      status: 'assigned',
      isPublic: false,
      source: { code: 'hall_rating' },
      leadDepartment: { id: t.ids.departments.tax },
      deadline: defaultCalendar().addWorkingDays('2026-11-02', 5),
    });
    expect(item.description).toContain(number);
  });

  it('rectifies, calls back, and the department month counts the bad rating as rectified', async () => {
    expect((await act(t, 'shuiwu', itemCode, 'sign')).statusCode).toBe(200);
    expect((await act(t, 'shuiwu', itemCode, 'rectify', { evidence: '已向申请人致歉并优化流程' })).statusCode).toBe(
      200,
    );
    const cb = await act(t, 'shouli', itemCode, 'verify', { result: 'satisfied', rating: 4, method: 'callback' });
    expect(cb.statusCode, cb.body).toBe(200);
    const month = (await get('ducha', '/api/v1/applications/month?month=2026-11')).json();
    const tax = month.departments.find((d: { id: number }) => d.id === t.ids.departments.tax);
    expect(tax).toMatchObject({ cases: 1, decided: 1, onTime: 1, noticed: 1, noticeRate: 1 });
    expect(tax.ratings).toMatchObject({ bad: 1, badRectified: 1, rectificationRate: 1 });
    const card = (await get('ducha', '/api/v1/assessment/scorecard?month=2026-11')).json();
    expect(card.sections.hall.departments[0].ratings.badRectified).toBe(1);
    const row = card.departments.find((d: { id: number }) => d.id === t.ids.departments.tax);
    expect(row).toMatchObject({ received: 1, rectified: 1 });
  });

  it('shows ID numbers masked and unmasked only to the case’s workers, audited', async () => {
    for (const who of ['ducha', 'shuji', 'shuiwu'])
      expect((await get(who, `/api/v1/applications/${number}`)).body).not.toContain(residentId());
    expect((await get('ducha', `/api/v1/applications/${number}/identity`)).statusCode).toBe(403);
    const progress = await get(null, `/api/v1/applications/${number}/progress?token=${token}`);
    expect(progress.json()).toMatchObject({ status: 'issued', applicantName: '刘**', canRate: false });
    expect(progress.body).not.toContain(residentId());
    const id = await get('shuiwu', `/api/v1/applications/${number}/identity`);
    expect(id.json().idNumber).toBe(residentId());
    const events = (await get('admin', `/api/v1/applications/${number}/events`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain('identity_viewed');
    expect(JSON.stringify(events)).not.toContain(residentId());
  });

  it('keeps both hash chains intact', async () => {
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
    const hall = await verifyHallChain(t.tdb.db);
    expect(hall).toMatchObject({ ok: true });
    expect(hall.checked).toBeGreaterThan(8);
  });
});
