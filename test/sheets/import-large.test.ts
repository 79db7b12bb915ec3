import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importSheet } from '../../src/sheets/import.service.js';
import { sheetsFeature } from '../../src/sheets/sheets.feature.js';
import { openSheetFile } from '../../src/sheets/sheet-reader.js';
import { CLASSIC } from './sheet-files.js';
import { TEMPLATES } from '../../src/demo/demo-text.js';

const ROWS = Number(process.env.QINGDAN_LARGE_IMPORT_ROWS ?? 100_000);
/**
 * Rows actually committed. Every committed row runs every write hook, and supervision's warning
 * recomputation is most of an import's time (~0.6 ms a row of ~0.9 ms); committing all 100,000
 * takes about two minutes on two busy cores, so by default the test commits a 20,000-row sheet
 * and streams the 100,000-row one through a full dry run. QINGDAN_LARGE_IMPORT_COMMIT_ROWS=100000
 * commits the big one.
 */
const COMMIT_ROWS = Number(process.env.QINGDAN_LARGE_IMPORT_COMMIT_ROWS ?? 20_000);
const AREAS = ['沙市区', '荆州区', '江陵县', '松滋市', '荆州开发区', '中山街道', '纪南镇', '郝穴镇'];
const UNITS = [
  '市城市管理执法委员会',
  '市生态环境局',
  '市水利和湖泊局',
  '市交通运输局',
  '市住房和城乡建设局',
  '市教育局',
];

/** Written with ExcelJS's streaming writer, as a real 100,000-row sheet would be too big to build in memory. */
async function writeLargeSheet(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('整改清单');
  ws.addRow(CLASSIC).commit();
  const cats = Object.values(TEMPLATES);
  for (let i = 1; i <= rows; i++) {
    const tpl = cats[i % cats.length];
    const area = AREAS[i % AREAS.length];
    ws.addRow([
      i,
      '12345热线',
      `${tpl.titles[i % tpl.titles.length].replace('{place}', area)}。${tpl.details[i % tpl.details.length]}`,
      area,
      null,
      tpl.measures[i % tpl.measures.length],
      UNITS[i % UNITS.length],
      null,
      null,
      null,
      new Date(Date.UTC(2026, 11, 1 + (i % 28))),
      i % 3 === 0 ? `已完成${i % 100}%` : null,
      i % 5 === 0 ? '已完成' : '整改中',
      i % 5 === 0 ? '2026-10-20' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

// SQLite only: the point is streaming and throughput; the write path is the same code on PostgreSQL,
// which the other import tests cover (100,000 round trips to a server would only measure the network).
describe('a 100,000-row sheet (sqlite)', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-large-'));
    file = path.join(dir, '整改清单-大表.xlsx');
    const started = Date.now();
    await writeLargeSheet(file, ROWS);
    console.log(
      `[large import] wrote ${ROWS} rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const actor = {
    kind: 'user' as const,
    id: null,
    name: 'test',
    role: 'admin' as const,
    departmentId: null,
    departmentScope: [],
    viaCookie: false,
  };

  async function measured(label: string, sheet: string, mode: 'dry_run' | 'strict') {
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const timer = setInterval(sample, 250);
    const started = Date.now();
    const report = await importSheet(t.kernel.of(sheetsFeature).imports.deps, () => openSheetFile(sheet), {
      actor,
      fileName: sheet,
      mode,
      duplicateCheckRows: 0,
      onRow: (n) => {
        if (n % 1000 === 0) sample();
      },
    });
    clearInterval(timer);
    sample();
    const secs = (Date.now() - started) / 1000;
    console.log(
      `[large import] ${label}: ${report.totals.rows} rows in ${secs.toFixed(1)} s ` +
        `(${Math.round(report.totals.rows / secs)} rows/s); peak RSS ${(peakRss / 1e6).toFixed(0)} MB, ` +
        `peak heap ${(peakHeap / 1e6).toFixed(0)} MB; file ${(fs.statSync(sheet).size / 1e6).toFixed(1)} MB`,
    );
    return report;
  }

  it('streams every row of a 100,000-row sheet through a dry run, reporting memory', async () => {
    const report = await measured(`dry run of ${ROWS}`, file, 'dry_run');
    expect(report, JSON.stringify(report.issues.slice(0, 5))).toMatchObject({
      ok: true,
      committed: false,
      totals: { rows: ROWS, valid: ROWS, created: ROWS },
    });
  }, 600_000);

  it('commits a large sheet in one streamed transaction through every write hook', async () => {
    const sheet = COMMIT_ROWS === ROWS ? file : path.join(dir, '整改清单-提交.xlsx');
    if (sheet !== file) await writeLargeSheet(sheet, COMMIT_ROWS);
    const report = await measured(`committed ${COMMIT_ROWS}`, sheet, 'strict');
    expect(report).toMatchObject({
      ok: true,
      committed: true,
      totals: { rows: COMMIT_ROWS, created: COMMIT_ROWS, invalid: 0 },
    });
    const n = await t.tdb.db
      .selectFrom('problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(COMMIT_ROWS);
    // Searchable: the index was written in batches inside the same transaction.
    const found = await t.as('shouli', { method: 'GET', url: '/api/v1/problems', query: { q: '污水', limit: '5' } });
    expect(found.json().items.length).toBeGreaterThan(0);
  }, 600_000);
});
