/**
 * Subjects, forums and visits over HTTP on both databases: bad credit codes store nothing; a forum's
 * three points are items of the list (source 企业专题调研会) linked to the enterprise that raised
 * them, and the forum shows what became of each; a visit's findings are items owned by the leader;
 * the figures equal what the lists count; the public never sees a contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from '../hardening/fuzz-support.js';
import { badCheckDigit, creditCode } from './campaign-fixtures.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('campaign records (%s)', (dialect) => {
  let t: TestApp;
  const post = (who: string | null, url: string, payload: object = {}) => t.as(who, { method: 'POST', url, payload });
  const get = (who: string | null, url: string) => t.as(who, { method: 'GET', url });
  const subjectIds: number[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an enterprise without a valid credit code and stores nothing', async () => {
    await t.login('admin');
    const before = await fingerprint(t.tdb.db);
    const base = {
      kind: 'enterprise',
      name: '荆州市恒达化工有限公司',
      contactName: '王经理',
      contactPhone: '13900001111',
    };
    for (const code of [undefined, '91421003MA4', badCheckDigit(1), `${creditCode(1)}X`]) {
      const res = await post('admin', '/api/v1/subjects', { ...base, ...(code !== undefined && { creditCode: code }) });
      expect(res.statusCode, String(code)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    const ok = await post('admin', '/api/v1/subjects', { ...base, creditCode: creditCode(1).toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(201);
    subjectIds.push(ok.json().id);
    expect((await post('admin', '/api/v1/subjects', { ...base, creditCode: creditCode(1) })).statusCode).toBe(409);
    const estate = await post('admin', '/api/v1/subjects', { kind: 'estate', name: '荆江花园小区' });
    expect(estate.statusCode).toBe(201);
    subjectIds.push(estate.json().id);
    const seen = (await get(null, `/api/v1/subjects/${subjectIds[0]}`)).json();
    expect(seen.subject).toMatchObject({ creditCode: creditCode(1), contactName: null, contactPhone: null });
    expect((await get('ducha', `/api/v1/subjects/${subjectIds[0]}`)).json().subject.contactPhone).toBe('13900001111');
  });

  it('pages subjects in SQL with a total', async () => {
    for (let i = 2; i <= 6; i++)
      expect(
        (
          await post('admin', '/api/v1/subjects', {
            kind: 'enterprise',
            name: `测试企业${i}`,
            creditCode: creditCode(i),
          })
        ).statusCode,
      ).toBe(201);
    const first = (await get('admin', '/api/v1/subjects?kind=enterprise&limit=4')).json();
    const second = (await get('admin', '/api/v1/subjects?kind=enterprise&limit=4&offset=4')).json();
    expect([first.total, first.items.length, second.items.length]).toEqual([6, 4, 2]);
    expect(new Set([...first.items, ...second.items].map((s: { id: number }) => s.id)).size).toBe(6);
  });

  it('turns a forum into three items of the list and shows what became of each point', async () => {
    const res = await post('shouli', '/api/v1/forums', {
      title: '开发区企业专题调研会',
      host: '市委书记 张建国',
      forumDate: '2026-11-01',
      place: '开发区管委会三楼会议室',
      attendees: '开发区20家企业负责人',
      subjectIds,
      points: [
        {
          title: '上下班通勤公交太少',
          description: '园区员工反映高峰公交班次少',
          subjectId: subjectIds[0],
          livelihood: true,
        },
        { title: '检修停电不提前通知', description: '停电前一天才通知，来不及调整生产', subjectId: subjectIds[0] },
        { title: '职业培训与工厂需求不匹配', description: '培训课程与岗位需求脱节', subjectId: subjectIds[1] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, items } = res.json();
    expect(items).toHaveLength(3);
    const source = (await get('shouli', `/api/v1/problems/${items[0]}`)).json().problem.source;
    expect(JSON.stringify(source)).toContain('企业专题调研会');
    for (const code of items)
      expect((await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.eco })).statusCode).toBe(
        200,
      );
    const forum = (await get('shouli', `/api/v1/forums/${id}`)).json();
    expect(forum.points).toBe(3);
    expect(forum.items.map((i: { status: string }) => i.status)).toEqual(['assigned', 'assigned', 'assigned']);
    expect(forum.items[2].subjectName).toBe('荆江花园小区');
    const subject = (await get('shouli', `/api/v1/subjects/${subjectIds[0]}`)).json();
    expect(subject.items).toHaveLength(2);
  });

  it("records a leader's visit whose findings are items owned by the leader; figures equal the lists", async () => {
    const leaderId = t.ids.users.shuji;
    await t.login('ducha');
    const before = await fingerprint(t.tdb.db);
    const bad = await post('ducha', '/api/v1/visits', {
      leaderId,
      visitDate: '2026-10-30',
      place: '青山村',
      topic: '农村污水',
      findings: [{ title: '污水直排', description: '生活污水直排河沟', subjectId: 99_999 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    const res = await post('ducha', '/api/v1/visits', {
      leaderId,
      visitDate: '2026-10-30',
      place: '青山村',
      topic: '农村生活污水治理',
      met: '村两委、村民代表',
      findings: [
        { title: '青山村生活污水直排', description: '生活污水直排河沟，夏季异味明显', livelihood: true },
        { title: '村道路灯损坏', description: '村主干道路灯多处不亮', livelihood: true },
        { title: '污水管网设计标准偏低', description: '管网设计标准低，雨季溢流' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = (await get('ducha', `/api/v1/problems/${res.json().items[0]}`)).json().problem;
    expect(item.ownerLeader?.id).toBe(leaderId);
    await post('ducha', '/api/v1/visits', {
      leaderId: t.ids.users.shizhang,
      visitDate: '2026-09-12',
      place: '开发区',
      topic: '营商环境',
      findings: [{ title: '审批窗口排队长', description: '企业反映审批排队时间长' }],
    });
    const figures = (await get(null, '/api/v1/campaigns/figures')).json();
    const visits = (await get(null, '/api/v1/visits?limit=100')).json();
    const sum = (k: 'problemsFound' | 'livelihood') =>
      visits.items.reduce((s: number, v: Record<string, number>) => s + v[k], 0);
    expect(figures).toMatchObject({ visits: visits.total, found: sum('problemsFound'), livelihood: sum('livelihood') });
    expect([figures.visits, figures.found, figures.livelihood]).toEqual([2, 4, 2]);
    expect(figures.forums).toBe((await get(null, '/api/v1/forums')).json().total);
    const byMonth = Object.fromEntries(figures.byMonth.map((r: { key: string; found: number }) => [r.key, r.found]));
    expect(byMonth).toEqual({ '2026-09': 1, '2026-10': 3 });
    const oct = (await get(null, '/api/v1/visits?month=2026-10')).json();
    expect(oct.total).toBe(1);
    const mine = (await get(null, `/api/v1/visits?leaderId=${leaderId}`)).json();
    expect(mine.items[0]).toMatchObject({ problemsFound: 3, livelihood: 2 });
    expect(figures.byLeader.find((r: { key: string }) => r.key.includes('张建国')).found).toBe(3);
  });

  it('lets only recorders write', async () => {
    expect((await post(null, '/api/v1/subjects', { kind: 'estate', name: '某小区' })).statusCode).toBe(401);
    const dept = await post('jiaoyu', '/api/v1/subjects', {
      kind: 'school',
      name: '沙市第七中学',
      departmentId: t.ids.departments.eco,
    });
    expect(dept.statusCode).toBe(403);
    expect((await post('jiaoyu', '/api/v1/subjects', { kind: 'school', name: '沙市第七中学' })).statusCode).toBe(201);
  });

  it('rolls a programme up from its sub-projects: progress weighted by budget, money summed', async () => {
    const item = async (title: string, parentCode?: string) => {
      const res = await post('shouli', '/api/v1/problems', {
        title,
        description: `${title}（水环境综合治理）`,
        ...(parentCode && { parentCode }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const code = res.json().problem.code;
      await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.water, deadline: '2028-12-31' });
      return code;
    };
    const root = await item('中心城区水环境综合治理三年行动');
    const part = await item('黑臭水体治理', root);
    const a = await item('护城河清淤', part);
    const b = await item('西干渠截污', part);
    const put = (who: string, code: string, body: object) =>
      t.as(who, { method: 'PUT', url: `/api/v1/campaigns/programmes/parts/${code}`, payload: body });
    expect((await put('shuili', root, { kind: 'part', budgetWan: 1, yearFrom: 2026, yearTo: 2028 })).statusCode).toBe(
      400,
    );
    expect(
      (await put('jiaoyu', a, { kind: 'subproject', budgetWan: 1, yearFrom: 2026, yearTo: 2027 })).statusCode,
    ).toBe(403);
    expect((await put('shuili', part, { kind: 'part', budgetWan: 0, yearFrom: 2026, yearTo: 2028 })).statusCode).toBe(
      204,
    );
    expect(
      (await put('shuili', a, { kind: 'subproject', budgetWan: 3000, spentWan: 3000, yearFrom: 2026, yearTo: 2026 }))
        .statusCode,
    ).toBe(204);
    expect(
      (await put('shuili', b, { kind: 'subproject', budgetWan: 1000, spentWan: 200, yearFrom: 2027, yearTo: 2028 }))
        .statusCode,
    ).toBe(204);
    await act(t, 'shuili', a, 'sign');
    expect((await act(t, 'shuili', a, 'rectify', { evidence: '清淤完成' })).statusCode).toBe(200);
    const p = (await get(null, `/api/v1/campaigns/programmes/${root}`)).json();
    expect(p).toMatchObject({ budgetWan: 4000, spentWan: 3200, progressPercent: 75, yearFrom: 2026, yearTo: 2028 });
    expect(p.parts.map((x: { code: string }) => x.code)).toEqual([part, a, b]);
  });
});
