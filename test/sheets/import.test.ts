import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { verifyChain } from '../../src/audit/audit.repository.js';
import fs from 'node:fs';
import { CLASSIC, footprint, upload, xlsx } from './sheet-files.js';

const DIALECTS = await dialects();

const GOOD: unknown[][] = [
  [
    1,
    '企业专题调研会',
    '开发区上下班高峰公交太少，员工通勤时间长。',
    '荆州开发区',
    '通勤公交',
    '增开高峰通勤专线',
    '市交通运输局',
    '市人力资源和社会保障局、市城市管理执法委员会',
    '李明',
    '张建国',
    new Date(Date.UTC(2026, 11, 31)),
    '已开通两条专线，完成60%',
    '整改中',
    null,
  ],
  [
    2,
    '领导一线调研',
    '新河村没有污水处理设施，生活污水直接排进沟渠。',
    '新河村',
    '污水处理',
    '建设污水处理站',
    '市生态环境局',
    null,
    '王强',
    null,
    '2026年12月底',
    '处理站已建成投用',
    '已完成',
    '2026/10/15',
  ],
  [
    3,
    '12345热线',
    '中山街道共享单车乱停乱放，行人无法通行。',
    '中山街道',
    '共享单车乱停放',
    '施划停放区',
    '市城市管理执法委员会',
    null,
    null,
    null,
    '长期坚持',
    null,
    '长期整改',
    null,
  ],
];

type Issue = { row: number | null; column: string | null; message: string; severity: string; suggestions?: string[] };

describe.each(DIALECTS)('spreadsheet import (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses people who do not enter items', async () => {
    const file = await xlsx([CLASSIC, ...GOOD]);
    expect((await upload(t, 'chengguan', 'a.xlsx', file)).statusCode).toBe(403);
    expect((await t.as(null, { method: 'POST', url: '/api/v1/imports', payload: {} })).statusCode).toBe(401);
  });

  it('dry-runs a sheet: reports what would happen and changes nothing', async () => {
    const before = await footprint(t);
    const res = await upload(t, 'shouli', '整改清单.xlsx', await xlsx([CLASSIC, ...GOOD]), { mode: 'dry_run' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      ok: true,
      committed: false,
      mode: 'dry_run',
      sheetName: '整改清单',
      sheetKey: '整改清单',
    });
    expect(r.totals).toMatchObject({ rows: 3, valid: 3, invalid: 0, created: 3 });
    expect(r.header.columns).toHaveLength(14);
    expect(await footprint(t)).toEqual(before);
  });

  it('imports the classic sheet in one transaction through the real write path', async () => {
    const res = await upload(t, 'shouli', '整改清单.xlsx', await xlsx([CLASSIC, ...GOOD]), { mode: 'strict' });
    const r = res.json();
    expect(r, res.body).toMatchObject({ ok: true, committed: true, totals: { created: 3, updated: 0 } });
    expect(r.importId).toEqual(expect.any(Number));
    const list = (
      await t.as('shouli', {
        method: 'GET',
        url: '/api/v1/problems',
        query: {
          sourceId: String(
            (
              await t.tdb.db
                .selectFrom('sources')
                .select('id')
                .where('code', '=', 'enterprise_forum')
                .executeTakeFirstOrThrow()
            ).id,
          ),
        },
      })
    ).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      title: '开发区上下班高峰公交太少',
      status: 'in_progress',
      area: { name: '荆州开发区' },
      category: { name: '通勤公交' },
      leadDepartment: { name: '市交通运输局' },
      responsiblePerson: '李明',
      ownerLeader: { displayName: '市委书记 张建国' },
      deadline: '2026-12-31',
      progressPercent: 60,
      measures: '增开高峰通勤专线',
    });
    expect(list[0].coDepartments.map((d: { name: string }) => d.name).sort()).toEqual(
      ['市人力资源和社会保障局', '市城市管理执法委员会'].sort(),
    );
    const timeline = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${list[0].code}/timeline` })).json()
      .items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['import', 'progress']);
    expect(timeline[0].payload).toMatchObject({ source: 'import', row: 2, seq: '1', sheet: '整改清单.xlsx' });
    const closed = (
      await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { status: 'closed' } })
    ).json().items;
    expect(closed.map((p: { title: string; closedAt: string }) => [p.title, p.closedAt.slice(0, 10)])).toEqual([
      ['新河村没有污水处理设施', '2026-10-15'],
    ]);
    expect(
      (await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { status: 'long_term' } })).json().items,
    ).toHaveLength(1);
    // Searchable at once: the index was written in the import's transaction.
    expect(
      (await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { q: '通勤' } })).json().items,
    ).toHaveLength(1);
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
  });

  it('re-importing the same sheet updates items instead of duplicating them', async () => {
    const before = await footprint(t);
    const again = (
      await upload(t, 'shouli', '整改清单.xlsx', await xlsx([CLASSIC, ...GOOD]), { mode: 'strict' })
    ).json();
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    // Only the run itself is recorded: no item, event or key was added.
    expect(await footprint(t)).toEqual({ ...before, imports: before.imports + 1 });
    const edited = GOOD.map((r) => [...r]);
    edited[0][11] = '三条专线全部开通，完成90%';
    edited[0][12] = '已完成';
    edited[0][13] = '2026-11-20';
    const r = (await upload(t, 'shouli', '整改清单.xlsx', await xlsx([CLASSIC, ...edited]), { mode: 'strict' })).json();
    expect(r.totals).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [item] = (await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { q: '三条专线' } })).json()
      .items;
    expect(item).toMatchObject({ status: 'closed', progressPercent: 100 });
    const timeline = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${item.code}/timeline` })).json()
      .items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual([
      'import',
      'progress',
      'import_update',
      'progress',
    ]);
    expect(timeline[2].payload.changes.status).toEqual({ from: 'in_progress', to: 'closed' });
    expect((await footprint(t)).problems).toBe(before.problems);
  });

  it('reports every problem row by row and imports nothing from a bad sheet', async () => {
    const before = await footprint(t);
    const bad = [
      CLASSIC,
      [
        1,
        '12345热线',
        '老旧小区路灯不亮',
        '沙市区',
        '路灯不亮',
        null,
        '市城管委',
        null,
        null,
        null,
        '2026-12-01',
        null,
        null,
        null,
      ],
      [
        2,
        '12345热线',
        '小区门口道路坑洼',
        '沙市区',
        '道路破损',
        null,
        '市住房和城乡建设局',
        null,
        null,
        null,
        '2026年13月',
        null,
        null,
        null,
      ],
      [3, '12345热线', null, '沙市区', null, null, null, null, null, null, null, null, null, null, '孤立的备注'],
      [
        4,
        '12345热线',
        '路面井盖破损',
        '火星区',
        '道路破损',
        null,
        '市住房和城乡建设局',
        null,
        null,
        null,
        46000,
        null,
        null,
        'not a date',
      ],
    ];
    const res = await upload(t, 'shouli', 'bad.xlsx', await xlsx(bad), { mode: 'strict' });
    const r = res.json();
    expect(r).toMatchObject({ ok: false, committed: false, importId: null });
    const errs = (r.issues as Issue[]).filter((i) => i.severity === 'error').map((i) => [i.row, i.column]);
    expect(errs).toEqual([
      [2, '牵头单位'],
      [3, '整改时限'],
      [4, '问题描述'],
      [5, '所属区域'],
      [5, '完成日期'],
    ]);
    const dept = (r.issues as Issue[]).find((i) => i.row === 2)!;
    expect(dept.message).toContain('市城管委');
    expect(dept.suggestions?.[0]).toBe('市城市管理执法委员会');
    expect((r.issues as Issue[]).find((i) => i.row === 3)!.message).toContain('月份');
    expect(await footprint(t)).toEqual(before);
  });

  it('reads formula results and refuses formulas without one', async () => {
    const file = await xlsx([
      CLASSIC,
      [
        1,
        '12345热线',
        { formula: '"路灯"&"不亮"', result: '路灯不亮，晚上很黑' },
        '沙市区',
        null,
        null,
        null,
        null,
        null,
        null,
        { formula: 'DATE(2026,12,5)', result: 46361 },
      ],
      [2, '12345热线', { formula: 'CONCAT("a","b")' }, '沙市区'],
    ]);
    const r = (await upload(t, 'shouli', 'formula.xlsx', file, { mode: 'dry_run' })).json();
    expect(r.totals).toMatchObject({ valid: 1, invalid: 1 });
    expect(r.issues.filter((i: Issue) => i.severity === 'error')).toEqual([
      expect.objectContaining({ row: 3, column: '问题描述', message: expect.stringContaining('公式') }),
    ]);
  });

  it('finds a two-row header with merged cells under a title row', async () => {
    const file = await xlsx(
      [
        ['荆州市“我为群众办实事”问题整改清单'],
        ['序号', '问题描述', '责任单位', null, '整改时限', '完成情况'],
        [null, null, '牵头单位', '配合单位', null, null],
        [1, '山区农户吃水难，旱季水源不够。', '市水利和湖泊局', '市农业农村局', '2026-12-20', '整改中'],
      ],
      {
        build: (ws) => {
          ws.mergeCells('A1:F1');
          ws.mergeCells('A2:A3');
          ws.mergeCells('B2:B3');
          ws.mergeCells('C2:D2');
          ws.mergeCells('E2:E3');
          ws.mergeCells('F2:F3');
        },
      },
    );
    const r = (await upload(t, 'shouli', 'merged.xlsx', file, { mode: 'dry_run' })).json();
    expect(r.header.rows).toEqual([2, 3]);
    expect(
      Object.fromEntries(r.header.columns.map((c: { header: string; field: string }) => [c.field, c.header])),
    ).toEqual({
      seq: '序号',
      description: '问题描述',
      leadDepartment: '牵头单位',
      coDepartments: '配合单位',
      deadline: '整改时限',
      completion: '完成情况',
    });
    expect(r.totals).toMatchObject({ rows: 1, valid: 1 });
    expect(r.issues.filter((i: Issue) => i.severity === 'error')).toEqual([]);
  });

  it('refuses a sheet without the required column, and an empty sheet', async () => {
    const missing = (
      await upload(
        t,
        'shouli',
        'm.xlsx',
        await xlsx([
          ['序号', '牵头单位', '整改时限'],
          [1, '市教育局', '2026-12-01'],
        ]),
        { mode: 'strict' },
      )
    ).json();
    expect(missing).toMatchObject({ ok: false, committed: false });
    expect(missing.issues[0]).toMatchObject({
      row: null,
      severity: 'error',
      message: expect.stringContaining('问题描述'),
    });
    const empty = (await upload(t, 'shouli', 'e.xlsx', await xlsx([]), { mode: 'strict' })).json();
    expect(empty.issues).toEqual([expect.objectContaining({ row: null, message: expect.stringContaining('空') })]);
  });

  it('imports the valid rows only on request, with a rejected-rows file', async () => {
    const before = await footprint(t);
    const file = await xlsx([
      CLASSIC,
      [11, '12345热线', '胜利街道夜间施工噪音扰民', '胜利街道', '噪音扰民', null, '市生态环境局'],
      [12, '12345热线', '胜利街道广场舞音响太吵', '胜利街道', '噪音扰民', null, '市环保局'],
    ]);
    const r = (await upload(t, 'shouli', 'partial.xlsx', file, { mode: 'valid_only' })).json();
    expect(r).toMatchObject({ committed: true, totals: { created: 1, invalid: 1 } });
    expect((await footprint(t)).problems).toBe(before.problems + 1);
    const dl = await t.as('shouli', { method: 'GET', url: r.rejectedFile });
    expect(dl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['原行号', ...CLASSIC, '错误原因']);
    expect(rows[1].slice(0, 3)).toEqual([3, '12', '12345热线']);
    expect(String(rows[1].at(-1))).toContain('市环保局');
  });

  it('lets the user map an unknown header, and reads CSV (BOM, CRLF, quotes, GBK)', async () => {
    const csv = '\uFEFF编号,诉求内容,所属区域\r\n,"纪南镇""三桥""路段\r\n坑洼不平",纪南镇\r\n';
    const plain = (await upload(t, 'shouli', 'c.csv', Buffer.from(csv), { mode: 'dry_run' })).json();
    expect(plain.issues).toEqual([
      expect.objectContaining({ severity: 'warning', column: '诉求内容' }),
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('问题描述') }),
    ]);
    const mapped = (
      await upload(t, 'shouli', 'c.csv', Buffer.from(csv), {
        mode: 'strict',
        mapping: JSON.stringify({ 诉求内容: 'description' }),
      })
    ).json();
    expect(mapped).toMatchObject({ ok: true, committed: true, totals: { created: 1 } });
    const [item] = (await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { q: '三桥' } })).json()
      .items;
    expect(item.description).toBe('纪南镇"三桥"路段\n坑洼不平');
    // Excel on Chinese Windows saves CSV as GBK.
    const gbkBytes = Buffer.from(
      'd0f2bac52ccecacce2c3e8caf62ccbf9caf4c7f8d3f20d0a312cd6d0c9bdbdd6b5c0c2b7b5c6b2bbc1c12cc9b3cad0c7f80d0a',
      'hex',
    );
    const g = (await upload(t, 'shouli', 'gbk.csv', gbkBytes, { mode: 'dry_run' })).json();
    expect(g.header.columns.map((c: { header: string }) => c.header)).toEqual(['序号', '问题描述', '所属区域']);
    expect(g.totals).toMatchObject({ valid: 1 });
  });

  it("reads the README's example files without an error", async () => {
    for (const name of ['整改清单-示例.xlsx', '整改清单-示例.csv']) {
      const r = (
        await upload(t, 'shouli', name, fs.readFileSync(new URL(`../../examples/${name}`, import.meta.url)), {
          mode: 'dry_run',
        })
      ).json();
      expect(
        r.issues.filter((i: Issue) => i.severity === 'error'),
        name,
      ).toEqual([]);
      expect(r.totals, name).toMatchObject({ rows: 4, valid: 4 });
    }
  });
});
