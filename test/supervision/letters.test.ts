/**
 * Supervision letters and summons on both databases: numbering under concurrency, the reply
 * deadline on the working-day calendar, the PDF, the unit's acknowledgement and reply, the overdue
 * list and job, the audit trail, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { pdfText } from '../hall/pdf-text.js';
import { assignedItem, at, runJob, staffTimeline } from './helpers.js';

const DIALECTS = await dialects();
const URL = '/api/v1/supervision/letters';

describe.each(DIALECTS)('supervision letters (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  const issue = (body: Record<string, unknown>, who = 'ducha') =>
    t.as(who, { method: 'POST', url: URL, payload: { kind: 'letter', problemCode: code, ...body } });
  const letterBody = { reason: '里程碑「完成施工」逾期未完成', text: '请立即组织力量推进整改。' };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    at(t, '2026-11-02');
    code = (await assignedItem(t, { deadline: '2026-11-20' })).code;
  });
  afterAll(async () => t?.close());

  it('numbers letters per kind and year and sets the reply deadline in working days', async () => {
    at(t, '2026-11-06'); // a Friday: 3 working days → Wednesday 11-11
    const res = await issue({ ...letterBody, replyDays: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const l = res.json();
    expect(l).toMatchObject({ docNumber: '〔2026〕督字第 1 号', serial: 1, replyBy: '2026-11-11', status: 'issued' });
    expect(l.department.id).toBe(t.ids.departments.urban);
    const s = await issue({ ...letterBody, kind: 'summons' });
    expect(s.json()).toMatchObject({ docNumber: '〔2026〕约字第 1 号', replyBy: '2026-11-13' });
  });

  it('gives concurrent issues unique consecutive numbers', async () => {
    const before = (await t.as('ducha', { method: 'GET', url: `${URL}?kind=letter` })).json().total as number;
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => issue({ ...letterBody, text: `第 ${i} 份` })));
    for (const r of all) expect(r.statusCode, r.body).toBe(201);
    const serials = all.map((r) => r.json().serial as number).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(new Set(all.map((r) => r.json().docNumber)).size).toBe(12);
  });

  it('starts numbering again in a new year', async () => {
    at(t, '2027-01-05');
    expect((await issue(letterBody)).json().docNumber).toBe('〔2027〕督字第 1 号');
    at(t, '2026-11-06');
  });

  it('prints the letter as a PDF carrying its number', async () => {
    const l = (await issue(letterBody)).json();
    const pdf = await t.as('chengguan', { method: 'GET', url: `${URL}/${l.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain(l.docNumber.replace(/\s+/g, ''));
    expect(text).toContain('督办函');
    expect(text).toContain('城市管理');
  });

  it('refuses an unknown item, a past deadline, and anyone but the addressed unit', async () => {
    expect((await issue({ ...letterBody, problemCode: 'NOPE-404' })).statusCode).toBe(404);
    const past = await issue({ ...letterBody, replyBy: '2026-11-05' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('validation_failed');
    expect((await issue({ ...letterBody, replyDays: 0 })).statusCode).toBe(400);
    expect((await issue(letterBody, 'chengguan')).statusCode).toBe(403);
    const l = (await issue(letterBody)).json();
    const ack = (who: string) =>
      t.as(who, { method: 'POST', url: `${URL}/${l.id}/acknowledge`, payload: { signedBy: '王五' } });
    expect((await ack('jiaoyu')).statusCode).toBe(403);
    expect((await ack('ducha')).statusCode).toBe(403);
    const early = await t.as('chengguan', { method: 'POST', url: `${URL}/${l.id}/reply`, payload: { text: '已办' } });
    expect(early.statusCode).toBe(409);
    // Another unit neither lists nor reads it.
    expect((await t.as('jiaoyu', { method: 'GET', url: `${URL}/${l.id}` })).statusCode).toBe(404);
    expect((await t.as('jiaoyu', { method: 'GET', url: URL })).json().total).toBe(0);
    expect((await t.as(null, { method: 'GET', url: URL })).statusCode).toBe(401);
  });

  it('records acknowledgement and reply on the internal timeline only', async () => {
    const l = (await issue({ ...letterBody, replyDays: 2 })).json();
    at(t, '2026-11-09');
    const a = await t.as('chengguan', {
      method: 'POST',
      url: `${URL}/${l.id}/acknowledge`,
      payload: { signedBy: '李四（副局长）' },
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'acknowledged', acknowledgement: { signedBy: '李四（副局长）' } });
    const again = await t.as('chengguan', {
      method: 'POST',
      url: `${URL}/${l.id}/acknowledge`,
      payload: { signedBy: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const r = await t.as('chengguan', {
      method: 'POST',
      url: `${URL}/${l.id}/reply`,
      payload: { text: '已完成施工。' },
    });
    expect(r.json()).toMatchObject({ status: 'replied', overdue: false, reply: { text: '已完成施工。', late: false } });
    const actions = (await staffTimeline(t, code)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['letter_issued', 'letter_acknowledged', 'letter_replied']));
    const pub = await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/timeline` });
    expect(pub.body).not.toContain('letter_');
    expect(pub.body).not.toContain('已完成施工');
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });

  it('lists unanswered letters past their deadline and flags them on the timeline once', async () => {
    at(t, '2026-11-20');
    const overdue = (await t.as('ducha', { method: 'GET', url: `${URL}?overdue=true&limit=200` })).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((l: { overdue: boolean; reply: unknown }) => l.overdue && l.reply === null)).toBe(true);
    const first = await runJob(t, 'letters-overdue');
    expect(first).toMatchObject({ overdue: overdue.total, recorded: overdue.total });
    expect((await runJob(t, 'letters-overdue')).recorded).toBe(0);
    expect((await staffTimeline(t, code)).some((e) => e.action === 'letter_overdue')).toBe(true);
    const replied = (await t.as('ducha', { method: 'GET', url: `${URL}?status=replied` })).json();
    expect(replied.total).toBe(1);
  });
});
