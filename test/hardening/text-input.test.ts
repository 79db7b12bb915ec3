import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from './fuzz-support.js';
import { JPEG, multipart as photoUpload } from './uploads.js';
import { multipart as sheetUpload } from '../sheets/sheet-files.js';

/**
 * Issue #16, finding 12 (text): invalid UTF-8 was stored as U+FFFD, and bidi overrides and control
 * characters were stored verbatim. Bodies are now decoded strictly (JSON and forms), and text
 * fields refuse C0/C1 controls (line breaks and tabs only in multi-line fields) and the bidi
 * embedding, override and isolate characters, with a 400 that names the field.
 */
const DIALECTS = await dialects();
const json = { 'content-type': 'application/json' };

describe.each(DIALECTS)('text input (%s)', (dialect) => {
  let t: TestApp;
  let open: string;
  const report = (payload: string | Buffer | object) =>
    t.as(null, { method: 'POST', url: '/api/v1/problems', payload, headers: json });
  const refused = async (res: Awaited<ReturnType<typeof report>>, field: string) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { field } });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1_000_000 });
    open = (await reportProblem(t)).code;
    await act(t, 'shouli', open, 'assign', { leadDepartmentId: t.ids.departments.urban });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a JSON body that is not valid UTF-8, and stores nothing', async () => {
    const before = await fingerprint(t.tdb.db);
    for (const bad of [[0xff], [0xc3, 0x28], [0xe8, 0xb7], [0xed, 0xa0, 0x80]]) {
      const body = Buffer.concat([
        Buffer.from('{"title":"路灯不亮'),
        Buffer.from(bad),
        Buffer.from('","description":"晚上很黑"}'),
      ]);
      const res = await report(body);
      await refused(res, '(body)');
      expect(res.json().error.message).toMatch(/UTF-8/);
    }
    expect(await fingerprint(t.tdb.db)).toEqual(before);
  });

  it('refuses a form body with invalid UTF-8, raw or %-escaped (Open311)', async () => {
    for (const payload of [Buffer.from([0x64, 0x3d, 0xff]), Buffer.from('service_code=1&description=%FF%FE')]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toMatch(/编码无效|UTF-8/);
    }
  });

  it('refuses bidi overrides and isolates and control characters, naming the field', async () => {
    const before = await fingerprint(t.tdb.db);
    const ok = { title: '路灯不亮', description: '晚上很黑' };
    for (const [body, field] of [
      [{ ...ok, title: '路灯\u202e不亮' }, 'title'],
      [{ ...ok, description: '付款给\u2066账户\u2069' }, 'description'],
      [{ ...ok, reporter: { name: '\u202a王' } }, 'reporter.name'],
      [{ ...ok, description: '响铃\u0007' }, 'description'],
      [{ ...ok, description: 'C1\u0085控制' }, 'description'],
      [{ ...ok, description: '转义\u001b[31m' }, 'description'],
      [{ ...ok, title: '两行\n标题' }, 'title'],
      [{ ...ok, reporter: { name: '王\t五' } }, 'reporter.name'],
    ] as const) {
      await refused(await report(body), field);
    }
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    const comment = await t.as(null, {
      method: 'POST',
      url: `/api/v1/problems/${open}/comments`,
      payload: { text: '好', authorName: 'evil\u202egpj.exe' },
    });
    await refused(comment, 'authorName');
  });

  it('keeps line breaks and tabs in multi-line fields, and right-to-left marks anywhere', async () => {
    const description = '第一行\r\n第二行\n\t缩进 — مرحبا \u200f';
    const res = await report({ title: '和平路\u200f路灯', description });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().problem.code;
    const staff = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem;
    expect(staff.description).toBe(description);
    const progress = await act(t, 'chengguan', open, 'sign');
    expect(progress.statusCode, progress.body).toBe(200);
    const note = await act(t, 'chengguan', open, 'progress', { text: '已派人\n明天完成', percent: 10 });
    expect(note.statusCode, note.body).toBe(200);
  });

  it('refuses control and bidi characters in query strings and path parameters too', async () => {
    for (const [url, field] of [
      [`/api/v1/problems?q=${encodeURIComponent('路灯\u202e')}`, 'q'],
      [`/api/v1/problems?q=${encodeURIComponent('响铃\u0007')}`, 'q'],
      [`/api/v1/problems/${encodeURIComponent(`${open}\u2066`)}`, 'code'],
    ] as const) {
      await refused(await t.as('shouli', { method: 'GET', url }), field);
    }
    // A right-to-left mark is text, not a trick: the search still answers.
    const fine = await t.as('shouli', { method: 'GET', url: `/api/v1/problems?q=${encodeURIComponent('路灯\u200f')}` });
    expect(fine.statusCode, fine.body).toBe(200);
  });

  it("refuses them in multipart fields and in an upload's file name, storing nothing", async () => {
    const before = await fingerprint(t.tdb.db);
    const csv = Buffer.from('问题标题,问题描述\n路灯不亮,晚上很黑\n', 'utf8');
    for (const [file, fields, field] of [
      [{ name: '清单.csv', data: csv }, { mode: 'valid_only', sheet: '第一\u202e页' }, 'sheet'],
      [{ name: '清单\u202evsc.csv', data: csv }, { mode: 'valid_only' }, 'file'],
    ] as const) {
      const res = await t.as('shouli', { method: 'POST', url: '/api/v1/imports', ...sheetUpload(file, fields) });
      await refused(res, field);
    }
    const photo = await t.as('shouli', {
      method: 'POST',
      url: `/api/v1/problems/${open}/attachments`,
      ...photoUpload('现场\u202egpj.exe', JPEG),
    });
    await refused(photo, 'file');
    expect(await fingerprint(t.tdb.db)).toEqual(before);
  });
});
