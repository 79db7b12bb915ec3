/**
 * Programmes and panels on ordinary items, over HTTP on both databases: a multi-year sub-project is
 * not overdue while its phase is on plan (the one-year one past its deadline is), years beyond a
 * deadline are refused; the programmes list rolls each up; a residents' panel that accepted an
 * ordinary item is read for that item's page (the public without contacts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from '../hardening/fuzz-support.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('programmes and item panels (%s)', (dialect) => {
  let t: TestApp;
  const post = (who: string | null, url: string, payload: object = {}) => t.as(who, { method: 'POST', url, payload });
  const get = (who: string | null, url: string) => t.as(who, { method: 'GET', url });
  const put = (who: string, code: string, body: object) =>
    t.as(who, { method: 'PUT', url: `/api/v1/campaigns/programmes/parts/${code}`, payload: body });
  const item = async (title: string, deadline: string, parentCode?: string) => {
    const res = await post('shouli', '/api/v1/problems', {
      title,
      description: `${title}（学校建设三年规划）`,
      ...(parentCode && { parentCode }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().problem.code;
    expect(
      (await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.water, deadline })).statusCode,
    ).toBe(200);
    return code;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 800 });
    for (const who of ['admin', 'ducha', 'shouli', 'shuili']) await t.login(who);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a multi-year sub-project off the overdue list while its phase is on plan', async () => {
    const root = await item('中心城区学校建设三年规划', '2028-12-31');
    const part = await item('新建中小学', '2028-12-31', root);
    const oneYear = await item('沙市区第七中学扩建', '2026-12-31', part);
    const threeYears = await item('城南新区九年一贯制学校', '2028-12-31', part);
    const before = await fingerprint(t.tdb.db);
    const late = await put('shuili', oneYear, { kind: 'subproject', budgetWan: 1200, yearFrom: 2026, yearTo: 2027 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.field).toBe('yearTo');
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    expect((await put('shuili', part, { kind: 'part', budgetWan: 0, yearFrom: 2026, yearTo: 2028 })).statusCode).toBe(
      204,
    );
    expect(
      (
        await put('shuili', oneYear, {
          kind: 'subproject',
          budgetWan: 1200,
          spentWan: 900,
          yearFrom: 2026,
          yearTo: 2026,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await put('shuili', threeYears, {
          kind: 'subproject',
          budgetWan: 4800,
          spentWan: 1000,
          yearFrom: 2026,
          yearTo: 2028,
        })
      ).statusCode,
    ).toBe(204);
    await act(t, 'shuili', threeYears, 'sign');
    await act(t, 'shuili', oneYear, 'sign');
    t.clock.set('2027-06-15T02:00:00Z');
    const overdue = (await get('ducha', '/api/v1/problems?overdue=true&limit=100')).json();
    const codes = overdue.items.map((p: { code: string }) => p.code);
    expect(codes).toContain(oneYear);
    expect(codes).not.toContain(threeYears);
    expect(codes).not.toContain(part);
    expect((await get('ducha', `/api/v1/problems/${threeYears}`)).json().problem.overdue).toBe(false);
    expect((await get('ducha', `/api/v1/problems/${oneYear}`)).json().problem.overdue).toBe(true);
    const p = (await get('ducha', `/api/v1/campaigns/programmes/${root}`)).json();
    expect(p).toMatchObject({ budgetWan: 6000, spentWan: 1900, yearFrom: 2026, yearTo: 2028 });
    const byCode = Object.fromEntries(p.parts.map((x: { code: string }) => [x.code, x]));
    expect(byCode[threeYears]).toMatchObject({ overdue: false, deadline: '2028-12-31', yearTo: 2028 });
    expect(byCode[oneYear]).toMatchObject({ overdue: true, deadline: '2026-12-31' });
    const list = (await get('ducha', '/api/v1/campaigns/programmes')).json();
    expect(list.items.map((x: { code: string }) => x.code)).toContain(root);
    t.clock.set('2026-11-02T02:00:00Z');
  });

  it("shows a residents' panel on an ordinary item's page, contacts for staff only", async () => {
    const code = await item('滨江路人行道破损', '2026-12-31');
    const url = `/api/v1/campaigns/acceptance/${code}`;
    expect((await get(null, url)).json()).toEqual({ items: [] });
    await act(t, 'shuili', code, 'sign');
    expect((await act(t, 'shuili', code, 'rectify', { evidence: '人行道已重铺' })).statusCode).toBe(200);
    const members = [
      { name: '周大爷', role: 'resident', contact: '13600002222', rating: 5, comment: '走路平整了' },
      { name: '孙委员', role: 'deputy', rating: 4 },
    ];
    const ok = await post('ducha', url, { result: 'accepted', decidedOn: '2026-11-20', note: '非常满意', members });
    expect(ok.statusCode, ok.body).toBe(201);
    const pub = (await get(null, url)).json();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ problemCode: code, result: 'accepted', averageRating: 4.5, note: '非常满意' });
    expect(pub.items[0].members.map((m: { contact: string | null }) => m.contact)).toEqual([null, null]);
    expect((await get('ducha', url)).json().items[0].members[0].contact).toBe('13600002222');
    expect((await get(null, `/api/v1/problems/${code}`)).json().problem.status).toBe('verified');
    expect((await get(null, '/api/v1/campaigns/acceptance/NO-SUCH-1')).statusCode).toBe(404);
  });
});
