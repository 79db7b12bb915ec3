/**
 * Sheet imports of a visit's findings, a forum's points and a 一企一策 plan over HTTP (multipart, like
 * the 整改清单's import) on both databases: a good file stores every row; a file with bad rows is
 * answered with each rejected row and its reason and stores nothing; the templates read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from '../hardening/fuzz-support.js';
import { multipart, xlsx } from '../sheets/sheet-files.js';
import { creditCode } from './campaign-fixtures.js';

const DIALECTS = await dialects();
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');

describe.each(DIALECTS)('campaign sheet imports (%s)', (dialect) => {
  let t: TestApp;
  let visitId = 0;
  let forumId = 0;
  let campaignId = 0;
  let subjectId = 0;
  const post = (who: string | null, url: string, payload: object = {}) => t.as(who, { method: 'POST', url, payload });
  const get = (who: string | null, url: string) => t.as(who, { method: 'GET', url });
  const upload = (who: string, url: string, name: string, data: Buffer, fields: Record<string, string> = {}) =>
    t.as(who, { method: 'POST', url, ...multipart({ name, data }, fields) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const who of ['admin', 'ducha', 'shengtai']) await t.login(who);
    const s = await post('admin', '/api/v1/subjects', {
      kind: 'enterprise',
      name: '荆州开发区某电子厂',
      creditCode: creditCode(501),
      departmentId: t.ids.departments.eco,
    });
    subjectId = s.json().id;
    const v = await post('ducha', '/api/v1/visits', {
      leaderId: t.ids.users.shuji,
      visitDate: '2026-10-30',
      place: '青山村',
      topic: '农村生活污水治理',
      findings: [],
    });
    expect(v.statusCode, v.body).toBe(201);
    visitId = v.json().id;
    const f = await post('ducha', '/api/v1/forums', {
      title: '开发区企业专题调研会',
      host: '开发区管委会',
      forumDate: '2026-11-01',
      place: '开发区管委会',
      points: [],
    });
    expect(f.statusCode, f.body).toBe(201);
    forumId = f.json().id;
    const c = await post('ducha', '/api/v1/campaigns', {
      name: '东区臭气扰民专项整治',
      description: '一企一策',
      departmentId: t.ids.departments.eco,
      startDate: '2026-11-02',
      deadline: '2027-03-31',
    });
    campaignId = c.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the templates, whose headers the import reads', async () => {
    const res = await get(null, '/api/v1/campaigns/sheets/findings/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toBe('\uFEFF问题,问题描述,民生,统一社会信用代码,对象');
    const plan = await get(null, '/api/v1/campaigns/sheets/plan/template.csv');
    expect(plan.body.split('\r\n')[0]).toBe('\uFEFF措施,权重,时间占比,完成时限');
    // The template itself imports (its example row is a real finding).
    const back = await upload('ducha', `/api/v1/forums/${forumId}/points/sheet`, '模板.csv', Buffer.from(res.body));
    expect(back.json()).toMatchObject({ stored: true, rows: 1, accepted: 1 });
  });

  it("rejects a visit's sheet with bad rows, with reasons, and stores nothing; stores a good one", async () => {
    const url = `/api/v1/visits/${visitId}/findings/sheet`;
    const before = await fingerprint(t.tdb.db);
    const bad = await upload(
      'ducha',
      url,
      '调研发现.csv',
      csv([
        ['问题', '问题描述', '民生', '统一社会信用代码'],
        ['村道路灯损坏', '村主干道路灯多处不亮', '是', ''],
        ['', '没有标题的问题', '否', ''],
        ['企业排污', '夜间偷排', '否', creditCode(999)],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(200);
    const r = bad.json();
    expect(r).toMatchObject({ stored: false, rows: 3, accepted: 1, items: [] });
    expect(r.rejected.map((x: { row: number }) => x.row)).toEqual([3, 4]);
    expect(r.rejected[0].reason).toMatch(/title/);
    expect(r.rejected[1].reason).toContain(creditCode(999));
    expect(await fingerprint(t.tdb.db)).toEqual(before);

    const good = await upload(
      'ducha',
      url,
      '调研发现.xlsx',
      await xlsx([
        ['问题', '问题描述', '民生', '统一社会信用代码'],
        ['村道路灯损坏', '村主干道路灯多处不亮', '是', ''],
        ['企业排污', '夜间偷排，村民反映异味', '否', creditCode(501)],
      ]),
    );
    expect(good.json()).toMatchObject({ stored: true, rows: 2, accepted: 2, rejected: [] });
    const visit = (await get('ducha', `/api/v1/visits/${visitId}`)).json();
    expect(visit.items.map((i: { title: string }) => i.title).sort()).toEqual(['企业排污', '村道路灯损坏']);
    expect(visit.items.find((i: { title: string }) => i.title === '企业排污').subjectName).toBe('荆州开发区某电子厂');
    const item = (await get('ducha', `/api/v1/problems/${good.json().items[0]}`)).json().problem;
    expect(item.ownerLeader?.id).toBe(t.ids.users.shuji);
  });

  it('refuses a sheet without the required columns, an unknown visit and the public', async () => {
    const before = await fingerprint(t.tdb.db);
    const noCols = await upload('ducha', `/api/v1/visits/${visitId}/findings/sheet`, 'x.csv', csv([['标题'], ['a']]));
    expect(noCols.statusCode).toBe(400);
    expect(noCols.json().error.message).toContain('问题');
    const good = csv([
      ['问题', '问题描述'],
      ['停电不通知', '检修停电没有提前通知企业'],
    ]);
    expect((await upload('ducha', '/api/v1/visits/99999/findings/sheet', 'x.csv', good)).statusCode).toBe(404);
    const anon = await t.as(null, {
      method: 'POST',
      url: `/api/v1/forums/${forumId}/points/sheet`,
      ...multipart({ name: 'x.csv', data: good }),
    });
    expect(anon.statusCode).toBe(401);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
  });

  it('imports a 一企一策 plan, one row per measure; a bad row or a date after the deadline stores nothing', async () => {
    const url = `/api/v1/campaigns/${campaignId}/plans/sheet`;
    const fields = { subjectId: String(subjectId), startDate: '2026-11-02' };
    const before = await fingerprint(t.tdb.db);
    const bad = await upload(
      'shengtai',
      url,
      '一企一策.csv',
      csv([
        ['措施', '权重', '时间占比', '完成时限'],
        ['废气收集设施改造', '40', '0.4', ''],
        ['在线监测联网', '三十', '0.3', ''],
      ]),
      fields,
    );
    expect(bad.json()).toMatchObject({ stored: false, rows: 2, accepted: 1 });
    expect(bad.json().rejected).toEqual([{ row: 3, reason: expect.stringMatching(/weight/) }]);
    const late = await upload(
      'shengtai',
      url,
      '一企一策.csv',
      csv([
        ['措施', '权重', '完成时限'],
        ['废气收集设施改造', '50', '2027-01-15'],
        ['第三方检测达标', '50', '2027-05-01'],
      ]),
      fields,
    );
    expect(late.json()).toMatchObject({ stored: false, accepted: 1 });
    expect(late.json().rejected[0]).toMatchObject({ row: 3, reason: expect.stringContaining('2027-03-31') });
    expect(await fingerprint(t.tdb.db)).toEqual(before);

    const good = await upload(
      'shengtai',
      url,
      '一企一策.xlsx',
      await xlsx([
        ['措施', '权重', '时间占比'],
        ['废气收集设施改造', 40, 0.4],
        ['在线监测联网', 30, 0.3],
        ['第三方检测达标', 30, 0.3],
      ]),
      fields,
    );
    expect(good.json(), good.body).toMatchObject({ stored: true, rows: 3, accepted: 3 });
    const c = (await get('ducha', `/api/v1/campaigns/${campaignId}`)).json();
    expect(c.planList).toHaveLength(1);
    expect(c.planList[0].milestones.map((m: { name: string }) => m.name)).toEqual([
      '废气收集设施改造',
      '在线监测联网',
      '第三方检测达标',
    ]);
    expect(c.planList[0].milestones.every((m: { dueDate: string }) => m.dueDate <= '2027-03-31')).toBe(true);
    const noSubject = await upload(
      'shengtai',
      url,
      'x.csv',
      csv([
        ['措施', '权重'],
        ['整改', '100'],
      ]),
    );
    expect(noSubject.statusCode).toBe(400);
  });
});
