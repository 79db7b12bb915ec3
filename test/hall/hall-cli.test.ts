/**
 * `qingdan hall import` on a real SQLite file: a sheet with a bad row stores nothing; the fixed
 * sheet imports and publishes; `qingdan audit verify` walks the hall's chain too.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { seedReference } from '../../src/demo/demo-seed.js';

const run = promisify(execFile);
const HEADER = '事项编码,事项名称,事项类型,实施部门,实施主体,法定时限,承诺时限,收费标准,最多跑一次,人生事件,申请材料';
const ROWS = [
  'SW-T01,契税申报（存量房）,行政确认,tax,国家税务总局荆州市税务局,20个工作日,3个工作日,不收费,是,住房置业、纳税缴费,' +
    '"身份证（原件，1份）\n房屋买卖合同（复印件，2份）\n婚姻状况证明（复印件，1份）【容缺】"',
  'RS-T01,失业保险金申领,行政给付,市人力资源和社会保障局,荆州市人社局,10,5,0,否,就业创业,离职证明（原件，1份）；银行卡（复印件，1份）',
];

describe('qingdan hall import (SQLite)', () => {
  let tdb: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const qingdan = (...args: string[]) => run(process.execPath, ['bin/qingdan.mjs', ...args], { env });
  const write = (name: string, lines: string[]) => {
    const file = path.join(tdb.dataDir, name);
    fs.writeFileSync(file, `\ufeff${lines.join('\n')}\n`);
    return file;
  };
  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    await seedReference(tdb.db);
    env = { ...process.env, QINGDAN_DATA_DIR: tdb.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await tdb.destroy();
  });

  it('refuses a sheet with a bad row and stores nothing', async () => {
    const bad = write('bad.csv', [
      HEADER,
      ...ROWS,
      'XX-T01,某事项,行政确认,不存在的局,某主体,5,10,0,是,,身份证（原件，1份）',
    ]);
    await expect(qingdan('hall', 'import', bad)).rejects.toMatchObject({
      stdout: expect.stringContaining('实施部门“不存在的局”不存在'),
    });
    const n = await tdb.db
      .selectFrom('hall_matters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  }, 120_000);

  it('imports and publishes a catalogue, and the chains verify', async () => {
    const out = await qingdan('hall', 'import', write('ok.csv', [HEADER, ...ROWS]), '--publish');
    expect(out.stdout).toContain('imported 2 matters: 2 new, 0 updated, 2 published');
    const mats = await tdb.db
      .selectFrom('hall_materials as m')
      .innerJoin('hall_matter_versions as v', 'v.id', 'm.version_id')
      .select(['m.name', 'm.form', 'm.copies', 'm.required', 'v.promised_days', 'v.status'])
      .where('v.name', '=', '契税申报（存量房）')
      .orderBy('m.seq')
      .execute();
    expect(mats).toEqual([
      { name: '身份证', form: 'original', copies: 1, required: 1, promised_days: 3, status: 'published' },
      { name: '房屋买卖合同', form: 'copy', copies: 2, required: 1, promised_days: 3, status: 'published' },
      { name: '婚姻状况证明', form: 'copy', copies: 1, required: 0, promised_days: 3, status: 'published' },
    ]);
    // A second import of the same sheet starts version 2 as a draft beside the published one.
    expect((await qingdan('hall', 'import', write('again.csv', [HEADER, ROWS[0]]))).stdout).toContain(
      '0 new, 1 updated',
    );
    const verified = await qingdan('audit', 'verify');
    expect(verified.stdout).toMatch(/hall chain intact: [1-9]\d* events verified/);
  }, 180_000);
});
