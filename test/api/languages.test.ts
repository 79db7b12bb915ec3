/**
 * The API answers in the language a request prefers (Accept-Language), Chinese by default: the
 * error format's messages, validation complaints, the timeline's actors and Open311's error
 * descriptions. Codes and statuses are the same in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();
const EN = { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' };
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const CJK = /[\u4e00-\u9fff]/;

describe.each(DIALECTS)('answers in the language asked for (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1000 });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The same request three ways: no header, Chinese preferred, English preferred. */
  const threeWays = async (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const [none, zh, en] = await Promise.all(
      [{}, ZH, EN].map((headers) => t.as(who, { method, url, headers, ...(payload && { payload }) })),
    );
    expect(zh.statusCode).toBe(none.statusCode);
    expect(en.statusCode).toBe(none.statusCode);
    expect(en.json().error.code).toBe(none.json().error.code);
    expect(none.json()).toEqual(zh.json());
    return { status: none.statusCode, zh: zh.json().error, en: en.json().error };
  };

  it('names a missing item in Chinese by default and in English when asked', async () => {
    const r = await threeWays(null, 'GET', '/api/v1/problems/JZ-2026-999999');
    expect(r.status).toBe(404);
    expect(r.zh.message).toBe('未找到问题 JZ-2026-999999');
    expect(r.en.message).toBe('problem JZ-2026-999999 was not found');
  });

  it('words validation complaints, field by field, in either language', async () => {
    const r = await threeWays(null, 'POST', '/api/v1/problems', { description: '没有标题的反映' });
    expect(r.status).toBe(400);
    expect(r.zh.code).toBe('validation_failed');
    expect(r.zh.message).toContain('缺少必填项 title');
    expect(r.zh.details).toEqual([expect.objectContaining({ field: 'title', message: '缺少必填项 title' })]);
    expect(r.en.message).toMatch(/^invalid body: .*title/);
    expect(r.en.details[0].message).not.toMatch(CJK);
  });

  it('explains a refused step of the lifecycle in the reader’s language', async () => {
    const { code } = await reportProblem(t);
    const [zh, en] = await Promise.all([
      act(t, 'shouli', code, 'close', {}, ZH),
      act(t, 'shouli', code, 'close', {}, EN),
    ]);
    expect(zh.statusCode).toBe(409);
    expect(en.statusCode).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'invalid_transition', message: '事项当前为“待受理”，不能销号' });
    expect(en.json().error.message).toBe('"close" is not possible while the item is submitted');
    expect(en.json().error.details).toEqual(zh.json().error.details);
  });

  it('gives a service-level message (a milestone past the deadline) in both languages', async () => {
    const { code } = await reportProblem(t);
    await act(t, 'shouli', code, 'accept');
    const assign = await act(t, 'shouli', code, 'assign', {
      leadDepartmentId: t.ids.departments.urban,
      deadline: '2099-01-31',
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const plan = (headers: Record<string, string>) =>
      t.as('chengguan', {
        method: 'PUT',
        url: `/api/v1/problems/${code}/milestones`,
        headers,
        payload: { milestones: [{ name: '施工', dueDate: '2099-02-15', weight: 1 }] },
      });
    const [zh, en] = await Promise.all([plan({}), plan(EN)]);
    expect([zh.statusCode, en.statusCode]).toEqual([400, 400]);
    expect(zh.json().error.message).toBe('节点“施工”的完成日期 2099-02-15 晚于整改时限 2099-01-31；请改为申请延期');
    expect(en.json().error.message).toMatch(/^milestone "施工" is due 2099-02-15, after the deadline 2099-01-31/);
  });

  it('never hands a one-language message to a reader of the other', async () => {
    const zh = await t.as(null, { method: 'GET', url: '/api/v1/no-such-thing' });
    const en = await t.as(null, { method: 'GET', url: '/api/v1/no-such-thing', headers: EN });
    expect(zh.json().error.message).toBe('没有这个接口：GET /api/v1/no-such-thing');
    expect(en.json().error.message).toBe('no route GET /api/v1/no-such-thing');
  });

  it('names the public timeline’s offices in the reader’s language', async () => {
    // Before acceptance only the reporter (by the tracking token) may read it.
    const { code, token } = await reportProblem(t);
    const url = `/api/v1/problems/${code}/timeline?token=${token}`;
    const actors = async (headers: Record<string, string>) =>
      (await t.as(null, { method: 'GET', url, headers })).json().items[0].actorName;
    expect(await actors({})).toBe('群众');
    expect(await actors(EN)).toBe('Resident');
  });

  it('answers Open311 errors in English for a client that asks, Chinese otherwise', async () => {
    const get = (headers: Record<string, string>) =>
      t.as(null, { method: 'GET', url: '/open311/v2/requests/JZ-2026-999999.json', headers });
    const [zh, en] = await Promise.all([get({}), get(EN)]);
    expect(zh.statusCode).toBe(404);
    expect(en.statusCode).toBe(404);
    expect(zh.json()[0].description).toMatch(CJK);
    expect(en.json()[0].description).not.toMatch(CJK);
  });
});
