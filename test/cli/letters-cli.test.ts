/**
 * `qingdan letters …` as an operator scripts it, on the database a test app wrote: the overdue
 * list as JSON, issuing from the console, writing the PDF.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at } from '../supervision/helpers.js';

const run = promisify(execFile);

describe('qingdan letters (SQLite)', () => {
  let t: TestApp;
  let code: string;
  const qingdan = (...args: string[]) =>
    run(process.execPath, ['bin/qingdan.mjs', 'letters', ...args], {
      env: { ...process.env, QINGDAN_DATA_DIR: t.tdb.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });

  beforeAll(async () => {
    t = await createTestApp('sqlite', { sessionDays: 3650 });
    at(t, '2026-11-02');
    code = (await assignedItem(t, { deadline: '2026-11-30' })).code;
    // Issued in early November with five working days to reply: overdue by any later clock.
    const res = await t.as('ducha', {
      method: 'POST',
      url: '/api/v1/supervision/letters',
      payload: { kind: 'summons', problemCode: code, reason: '红色预警', text: '请单位负责人到场。' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists overdue letters, issues one and prints it', async () => {
    const overdue = JSON.parse((await qingdan('list', '--overdue')).stdout);
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({ docNumber: '〔2026〕约字第 1 号', overdue: true, replyBy: '2026-11-09' });

    const issued = JSON.parse(
      (await qingdan('issue', '--item', code, '--reason', '节点未完成', '--text', '请加快整改。', '--as', 'ducha'))
        .stdout,
    );
    expect(issued).toMatchObject({ kind: 'letter', serial: 1, issuedBy: expect.any(String), overdue: false });
    const all = JSON.parse((await qingdan('list', '--kind', 'letter')).stdout);
    expect(all.items.map((l: { id: number }) => l.id)).toEqual([issued.id]);

    const out = path.join(t.tdb.dataDir, 'letter.pdf');
    await qingdan('pdf', String(issued.id), '-o', out);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(qingdan('list', '--kind', 'memo')).rejects.toThrow(/--kind must be one of/);
  }, 120_000);
});
