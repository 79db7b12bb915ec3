import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { CLASSIC, upload } from './sheet-files.js';

const DIALECTS = await dialects();

type View = Record<string, any>;
/** The classic-sheet fields of an item, comparable across databases. */
const classic = (p: View) => ({
  code: p.code,
  title: p.title,
  description: p.description,
  status: p.status,
  source: p.source.name,
  area: p.area?.name ?? null,
  category: p.category?.name ?? null,
  measures: p.measures,
  lead: p.leadDepartment?.name ?? null,
  co: p.coDepartments.map((d: { name: string }) => d.name).sort(),
  responsible: p.responsiblePerson,
  leader: p.ownerLeader?.displayName ?? null,
  deadline: p.deadline,
  closedOn: p.closedAt?.slice(0, 10) ?? null,
});

describe.each(DIALECTS)('spreadsheet export (%s)', (dialect) => {
  let t: TestApp;
  const all = async (app: TestApp) =>
    (
      await app.as('admin', { method: 'GET', url: '/api/v1/problems', query: { limit: '100', sort: 'created_asc' } })
    ).json().items as View[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const c = t.ids.categories;
    const d = t.ids.departments;
    await reportProblem(t, {
      title: '和平社区路灯不亮',
      description: '=SUM(A1) 三号楼前路灯坏了，晚上一片漆黑。',
      categoryId: c['street-lights'],
    });
    const a = await reportProblem(t, {
      title: '新河村生活污水乱排',
      description: '生活污水直接排进沟渠，夏天臭味大。',
      categoryId: c.sewage,
      areaId: t.ids.areas['jz-jz-jn-xh'],
    });
    await act(t, 'shouli', a.code, 'assign', {
      leadDepartmentId: d.eco,
      coDepartmentIds: [d.water, d.agri],
      deadline: '2026-12-30',
      ownerLeaderId: t.ids.users.shuji,
      responsiblePerson: '孙涛',
      measures: '建设污水处理站，配套管网入户',
    });
    await act(t, 'shengtai', a.code, 'sign');
    await act(t, 'shengtai', a.code, 'progress', { text: '处理站主体完工，管网铺设过半', percent: 60 });
    const b = await reportProblem(t, {
      title: '中山街道共享单车乱停放',
      description: '地铁口单车堆积，行人无法通行。',
      categoryId: c['shared-bikes'],
    });
    await act(t, 'shouli', b.code, 'assign', { leadDepartmentId: d.urban });
    await act(t, 'chengguan', b.code, 'sign');
    await act(t, 'chengguan', b.code, 'rectify', { evidence: '施划停放区一千余个' });
    await act(t, 'ducha', b.code, 'close');
    const l = await reportProblem(t, {
      title: '山区农户吃水难',
      description: '山上二十多户旱季缺水。',
      categoryId: c['tap-water'],
    });
    await act(t, 'shouli', l.code, 'assign', { leadDepartmentId: d.water });
    await act(t, 'shuili', l.code, 'sign');
    await act(t, 'shuili', l.code, 'long_term', { checkpointDate: '2027-03-31' });
    const r = await reportProblem(t, { title: '咨询社保转移', description: '想问社保怎么转移。' });
    await act(t, 'shouli', r.code, 'reject', { reason: '咨询类，已电话答复' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports the list as the classic workbook with the expected styling', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/v1/problems/export.xlsx' })).statusCode).toBe(401);
    const res = await t.as('shouli', { method: 'GET', url: '/api/v1/problems/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%B8%85%E5%8D%95");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('整改清单');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '编号', '问题来源', '问题标题', ...CLASSIC.slice(2)]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((ws.getRow(1).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(5).width).toBe(48);
    expect(ws.rowCount).toBe(6);
  });

  it('exports what the list shows: filters and search apply', async () => {
    const res = await t.as('shouli', {
      method: 'GET',
      url: '/api/v1/problems/export.csv',
      query: { q: '污水', status: 'in_progress' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF序号,编号,问题来源')).toBe(true);
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('新河村生活污水乱排');
    expect(lines[1]).toContain('市水利和湖泊局、市农业农村局');
    const all = (await t.as('shouli', { method: 'GET', url: '/api/v1/problems/export.csv' })).body;
    // A cell that would run as a formula in Excel is kept as text.
    expect(all).toContain(",'=SUM(A1) 三号楼前路灯坏了");
  });

  it('round-trips: export → import into an empty database → the same items', async () => {
    const file = (await t.as('admin', { method: 'GET', url: '/api/v1/problems/export.xlsx' })).rawPayload;
    const other = await createTestApp(dialect);
    try {
      const r = (await upload(other, 'admin', '整改清单-导出.xlsx', file, { mode: 'strict' })).json();
      expect(r, JSON.stringify(r.issues)).toMatchObject({
        ok: true,
        committed: true,
        totals: { created: 5, invalid: 0 },
      });
      expect((await all(other)).map(classic).sort((x, y) => x.code.localeCompare(y.code))).toEqual(
        (await all(t)).map(classic).sort((x, y) => x.code.localeCompare(y.code)),
      );
      // New items continue after the imported codes.
      const next = (
        await other.as(null, {
          method: 'POST',
          url: '/api/v1/problems',
          payload: { title: '新的问题', description: '导入之后新报的问题' },
        })
      ).json();
      expect(next.problem.code).toBe('JZ-2026-000006');
      // And importing the export back where it came from changes nothing.
      const back = (await upload(t, 'admin', '整改清单-导出.xlsx', file, { mode: 'strict' })).json();
      expect(back.totals).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    } finally {
      await other.close();
    }
  });

  it('documents the endpoints in the OpenAPI', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/problems/export.xlsx',
      '/api/v1/problems/export.csv',
      '/api/v1/imports',
      '/api/v1/imports/{id}/rejected',
      '/api/v1/reports/settlement.xlsx',
      '/api/v1/duplicates/check',
      '/api/v1/duplicates/inbox',
      '/api/v1/problems/{code}/duplicates',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const imports = (await t.as('shouli', { method: 'GET', url: '/api/v1/imports' })).json();
    expect(Array.isArray(imports.items)).toBe(true);
  });

  it('writes the settlement and rankings workbook, one sheet per view', async () => {
    const res = await t.as('ducha', {
      method: 'GET',
      url: '/api/v1/reports/settlement.xlsx',
      query: { month: '2026-11' },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
      '单位月结',
      '区域月结',
      '单位排名',
      '区县排名',
      '红黑榜',
    ]);
    expect((wb.getWorksheet('单位月结')!.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      '单位',
      '受理件数',
      '按时签收',
    ]);
    expect(
      (await t.as(null, { method: 'GET', url: '/api/v1/reports/settlement.xlsx', query: { month: '2026-11' } }))
        .statusCode,
    ).toBe(401);
  });
});
