import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database.js';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-sheet-cli-'));
const env = { ...process.env, QINGDAN_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const qingdan = (...args: string[]) =>
  run(process.execPath, ['bin/qingdan.mjs', ...args], { env, maxBuffer: 10 * 1024 * 1024 });
const example = path.resolve('examples/整改清单-示例.xlsx');

describe('qingdan import / export / search reindex (SQLite)', () => {
  beforeAll(async () => {
    await qingdan('seed', '--demo', '--items', '0');
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('dry-runs, refuses a bad sheet with exit code 1, then imports', async () => {
    const dry = await qingdan('import', example, '--dry-run');
    expect(dry.stdout).toContain('试运行 dry run, nothing imported: 4 行 rows, 4 有效 valid');
    expect(dry.stderr).toMatch(/检查 checking .*行\/秒 rows\/s/);
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, '\uFEFF序号,问题描述,牵头单位\r\n1,路灯不亮,市城管委\r\n');
    await expect(qingdan('import', bad)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('第 2 行 “牵头单位”列：未知的牵头单位“市城管委”'),
    });
    const ok = await qingdan('import', example);
    expect(ok.stdout).toContain('已导入 imported: 4 行 rows, 4 有效 valid, 0 有误 invalid; 4 新建 created');
    expect((await qingdan('import', example)).stdout).toContain('0 新建 created, 0 更新 updated, 4 未变 unchanged');
  }, 120_000);

  it('imports a history sheet as private items dated by their report time (--private)', async () => {
    const csv = path.join(dataDir, '留言.csv');
    fs.writeFileSync(
      csv,
      '\uFEFF留言编号,留言主题,留言时间,留言详情,点赞数\r\n7001,路灯不亮,2018/3/4 9:05,路灯坏了一个月。,5\r\n',
    );
    expect((await qingdan('import', csv, '--private')).stdout).toContain('1 新建 created');
    const { db } = createDb({ databaseUrl: null, dataDir });
    try {
      const row = await db
        .selectFrom('problems')
        .innerJoin('problem_origins', 'problem_origins.problem_id', 'problems.id')
        .select(['is_public', 'created_at', 'support_count', 'external_ref'])
        .where('external_ref', '=', '7001')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        is_public: 0,
        created_at: '2018-03-04T01:05:00.000Z',
        support_count: 5,
        external_ref: '7001',
      });
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('exports the list and the settlement workbook, and rebuilds the index', async () => {
    const csv = path.join(dataDir, 'out.csv');
    expect((await qingdan('export', csv, '-q', '污水')).stdout).toMatch(/wrote \d+ items/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).toMatch(/^\uFEFF序号,编号,问题来源/);
    expect(text).toContain('新河村没有污水处理设施');
    expect(text).not.toContain('共享单车');
    const wb = path.join(dataDir, 's.xlsx');
    expect((await qingdan('export', '--settlement', '2026-10', wb)).stdout).toContain('单位排名');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(wb);
    expect(book.worksheets).toHaveLength(6);
    expect((await qingdan('search', 'reindex')).stdout).toMatch(/indexed \d+ items/);
  }, 120_000);
});
