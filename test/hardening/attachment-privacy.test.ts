import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { JPEG, multipart } from './uploads.js';

/**
 * Finding 6 of issue #16 (second half): a staff upload stays private — the item's units and the
 * uploader — until an action links it to a public event; a reporter's photos belong to the public
 * report itself. Everyone else gets the 404 an unknown id gets.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('attachments private until published (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ code, token } = await reportProblem(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = async (who: string | null, headers: Record<string, string> = {}) => {
    const body = multipart('photo.jpg', JPEG);
    const res = await t.as(who, {
      method: 'POST',
      url: `/api/v1/problems/${code}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().attachment.id as number;
  };
  const get = (who: string | null, id: number) => t.as(who, { method: 'GET', url: `/api/v1/attachments/${id}` });
  const publicIds = async () =>
    ((await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem.attachments ?? []).map(
      (a: { id: number }) => a.id,
    );

  it("publishes the reporter's photos with the public report", async () => {
    const id = await upload(null, { 'x-tracking-token': token });
    expect((await t.as(null, { method: 'GET', url: `/api/v1/attachments/${id}?token=${token}` })).statusCode).toBe(200);
    await act(t, 'shouli', code, 'accept');
    expect((await get(null, id)).statusCode).toBe(200);
    expect(await publicIds()).toContain(id);
  });

  it('keeps a staff upload from the public and other units until it is linked to a public event', async () => {
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    const id = await upload('chengguan');
    const refused = await get(null, id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    // As an unknown id answers.
    expect((await get(null, 999_999)).json().error.code).toBe('not_found');
    expect((await get('jiaoyu', id)).statusCode).toBe(404);
    expect(await publicIds()).not.toContain(id);
    expect((await get('chengguan', id)).statusCode).toBe(200);
    expect((await get('ducha', id)).statusCode).toBe(200);

    await act(t, 'chengguan', code, 'sign');
    const done = await act(t, 'chengguan', code, 'rectify', { evidence: '已修复，见照片', attachmentIds: [id] });
    expect(done.statusCode, done.body).toBe(200);
    expect((await get(null, id)).statusCode).toBe(200);
    expect(await publicIds()).toContain(id);
  });
});
