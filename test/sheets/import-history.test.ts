/**
 * A city's history imported as it is (issue #14 part 1): a citizen-message sheet with its own
 * headers (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 点赞数, 反对数, 答复意见) on both databases.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { upload, xlsx } from './sheet-files.js';
import { searchFeature } from '../../src/search/search.feature.js';

const DIALECTS = await dialects();
const HEADERS = ['留言编号', '留言用户', '留言主题', '留言时间', '留言详情', '点赞数', '反对数', '答复意见'];
const LONG = '小区门口的菜市场每天早上占道经营，车辆无法通行，垃圾遍地，气味难闻，希望有关部门尽快整治。';
const ROWS: unknown[][] = [
  [
    '188006',
    'A909139',
    '西地省某市和平小区路灯不亮',
    '2019/2/21 11:12:34',
    '和平小区三号楼前路灯坏了两个月。',
    3,
    0,
    '',
  ],
  [
    '188007',
    'A909204',
    '菜市场占道经营',
    new Date(Date.UTC(2019, 4, 9, 13, 39, 11)),
    LONG,
    '12',
    '1',
    '已转城管 &gt; 处理',
  ],
  // An exact copy of the row above under another number, and a near copy (one character changed).
  ['188008', 'A909205', '菜市场占道经营', '2019-05-10 08:00', LONG, 0, 0, ''],
  ['188009', 'A909206', '菜市场占道经营问题', '2019-05-11', LONG.replace('遍地', '满地'), 0, 0, ''],
];

/** The sheet as a streamed workbook without shared strings: cells are inline strings. */
async function inlineXlsx(rows: unknown[][]): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-history-'));
  const file = path.join(dir, 'h.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('留言');
  for (const r of rows) ws.addRow(r).commit();
  await wb.commit();
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true });
  return bytes;
}

describe.each(DIALECTS)('importing a city history (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the citizen-message headers, flags the sheet’s own duplicates and counts like the import', async () => {
    const file = await inlineXlsx([HEADERS, ...ROWS]);
    const dry = (await upload(t, 'shouli', '留言.xlsx', file, { mode: 'dry_run' })).json();
    expect(dry.ok, JSON.stringify(dry.issues)).toBe(true);
    expect(dry.header.unknown).toEqual([]);
    expect(dry.totals).toMatchObject({ rows: 4, valid: 4, created: 4, updated: 0 });
    const dupes = dry.issues.filter((i: { message: string }) => /row 3/.test(i.message));
    expect(dupes.map((i: { row: number; message: string }) => [i.row, i.message.includes('same text')])).toEqual([
      [4, true],
      [5, false],
    ]);
    const real = (await upload(t, 'shouli', '留言.xlsx', file, { mode: 'strict', visibility: 'private' })).json();
    expect(real).toMatchObject({ committed: true, totals: { created: 4 } });
    // Unchanged rows are "unchanged" in the dry run as in the import; one changed count is "updated".
    const again = (await upload(t, 'shouli', '留言.xlsx', file, { mode: 'dry_run' })).json();
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = await inlineXlsx([
      HEADERS,
      ...ROWS.map((r, i) => (i === 0 ? [...r.slice(0, 5), 4, ...r.slice(6)] : r)),
    ]);
    const dry2 = (await upload(t, 'shouli', '留言.xlsx', changed, { mode: 'dry_run' })).json();
    const real2 = (await upload(t, 'shouli', '留言.xlsx', changed, { mode: 'strict' })).json();
    expect(dry2.totals).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(real2.totals).toMatchObject(dry2.totals);
    // The same messages under another sheet's name would be new items: the dry run names the old ones.
    await t.kernel.of(searchFeature).indexer.catchUp();
    const copy = (await upload(t, 'shouli', '留言-副本.xlsx', file, { mode: 'dry_run' })).json();
    expect(copy.issues.some((i: { message: string }) => i.message.includes('possible duplicate'))).toBe(true);
  });

  it('dates items by their report time, keeps counts, entities and external ids private', async () => {
    const list = (
      await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { sort: 'created_asc' } })
    ).json().items;
    expect(list).toHaveLength(4);
    const [first, market] = list;
    // 11:12:34 in Asia/Shanghai; the import time is kept apart.
    expect(first.createdAt).toBe('2019-02-21T03:12:34.000Z');
    expect(first.isPublic).toBe(false);
    expect(market.createdAt).toBe('2019-05-09T05:39:11.000Z');
    expect(market.origin).toMatchObject({
      importedAt: t.clock.now().toISOString(),
      supportCount: 12,
      opposeCount: 1,
      externalRef: '188007',
      externalUserId: 'A909204',
    });
    const timeline = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${market.code}/timeline` })).json();
    const progress = timeline.items.find((e: { action: string }) => e.action === 'progress');
    expect(progress.payload.text).toBe('已转城管 &gt; 处理');
    // The list's date filter and the statistics see 2019, not the import month.
    const may = await t.as('shouli', {
      method: 'GET',
      url: '/api/v1/problems',
      query: { from: '2019-05-01', to: '2019-05-31' },
    });
    expect(may.json().items).toHaveLength(3);
    const stats = await t.as('shouli', {
      method: 'GET',
      url: '/api/v1/stats/summary',
      query: { from: '2019-02-01', to: '2019-02-28' },
    });
    expect(stats.json().found).toBe(1);
    // A department's staff (no contact rights) and the public never see the sheet's ids.
    await t.tdb.db.updateTable('problems').set({ is_public: 1 }).where('code', '=', market.code).execute();
    for (const who of ['shuji', null]) {
      const view = (await t.as(who, { method: 'GET', url: `/api/v1/problems/${market.code}` })).json();
      const body = JSON.stringify(view);
      expect(body).not.toContain('A909204');
      expect(body).not.toContain('188007');
    }
    const pub = (await t.as(null, { method: 'GET', url: `/api/v1/problems/${market.code}` })).json();
    expect(pub.problem.origin).toMatchObject({ supportCount: 12, opposeCount: 1 });
  });

  it('without a recognised header lists what it saw, suggests a mapping, and remembers the chosen one', async () => {
    const headers = ['信件编号', '写信人', '信件主题', '信件详情'];
    const file = await xlsx([headers, ['9001', 'U1', '噪音扰民', '夜间施工噪音严重，影响休息。']]);
    const res = await upload(t, 'shouli', '来信.xlsx', file, { mode: 'dry_run' });
    const r = res.json();
    expect(r.ok).toBe(false);
    expect(r.headersSeen).toEqual(headers);
    expect(r.suggestedMapping).toMatchObject({ 信件主题: 'title', 信件详情: 'description' });
    expect(r.issues[0].message).toContain('看到的表头：信件编号、写信人、信件主题、信件详情');
    expect(r.issues[0].message).toContain('Suggested mapping');
    const mapping = JSON.stringify({
      信件编号: 'externalRef',
      写信人: 'externalUserId',
      信件主题: 'title',
      信件详情: 'description',
    });
    const mapped = (await upload(t, 'shouli', '来信.xlsx', file, { mode: 'dry_run', mapping })).json();
    expect(mapped).toMatchObject({ ok: true, mappingSource: 'given', totals: { created: 1 } });
    // A colleague uploading the same headers (in another order) gets the remembered mapping.
    const reordered = await xlsx([[...headers].reverse(), ['夜间施工噪音严重，影响休息。', '噪音扰民', 'U1', '9001']]);
    const next = (await upload(t, 'ducha', '来信-2.xlsx', reordered, { mode: 'dry_run' })).json();
    expect(next).toMatchObject({ ok: true, mappingSource: 'saved', totals: { created: 1 } });
    expect(r.headerDigest).toBe(next.headerDigest);
  });

  it('suggests a mapping when a recognised header lacks the description', async () => {
    const file = await xlsx([
      ['留言主题', '信件详情'],
      ['噪音扰民', '夜间施工噪音严重。'],
    ]);
    const r = (await upload(t, 'shouli', '缺列.xlsx', file, { mode: 'dry_run' })).json();
    expect(r.ok).toBe(false);
    expect(r.suggestedMapping).toEqual({ 信件详情: 'description' });
    expect(r.issues.at(-1).message).toContain('建议映射：信件详情 → 问题描述');
  });

  it('refuses an unknown visibility', async () => {
    const res = await upload(t, 'shouli', 'x.xlsx', await xlsx([HEADERS]), { visibility: 'secret' });
    expect(res.statusCode).toBe(400);
  });
});
