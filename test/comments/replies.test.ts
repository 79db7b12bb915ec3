/**
 * Official replies (官方回复, issue #18 fix 11): staff answer a comment in public, a second reply
 * replaces the first, residents cannot reply as staff, and an empty reply stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('comment replies (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  let id: number;
  const reply = (who: string | null, text: string) =>
    t.as(who, { method: 'POST', url: `/api/v1/comments/${id}/reply`, payload: { text } });
  const publicList = async () =>
    (await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/comments` })).json().items;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    const res = await t.as(null, {
      method: 'POST',
      url: `/api/v1/problems/${code}/comments`,
      payload: { text: '什么时候能修好？', contact: '13800000000' },
    });
    id = res.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the unit’s reply with the comment, and a second reply replaces the first', async () => {
    const first = await reply('chengguan', '已安排本周内维修');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().reply).toMatchObject({ text: '已安排本周内维修', by: '城管委 陈刚' });
    expect((await publicList())[0].reply.text).toBe('已安排本周内维修');
    expect((await reply('shouli', '维修已完成，请查看')).statusCode).toBe(200);
    const [c] = await publicList();
    expect(c.reply).toMatchObject({ text: '维修已完成，请查看', by: '受理中心 王敏' });
    expect(c.contact).toBeUndefined();
  });

  it('refuses residents and empty replies', async () => {
    expect((await reply(null, '我来回复')).statusCode).toBe(401);
    expect((await reply('chengguan', '   ')).statusCode).toBe(400);
    expect((await publicList())[0].reply.text).toBe('维修已完成，请查看');
  });
});
