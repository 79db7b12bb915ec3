import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-dispatch-cli-'));
const env = { ...process.env, QINGDAN_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const qingdan = (...args: string[]) => run(process.execPath, ['bin/qingdan.mjs', ...args], { env });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('qingdan dispatch evaluate', () => {
  it('writes the sample corpus, then prints top-1 and top-3 on its held-out part and exits 0', async () => {
    const out = path.join(dir, 'corpus');
    expect((await qingdan('dispatch', 'sample', '--out', out, '--count', '900')).stdout).toContain('600 + 300');
    const r = await qingdan('dispatch', 'evaluate', '--train', `${out}/train.csv`, '--test', `${out}/test.csv`);
    expect(r.stdout).toContain('训练 train: 600 条 items, 7 类 labels');
    const top1 = Number(/top-1: ([\d.]+)/.exec(r.stdout)?.[1]);
    const top3 = Number(/top-3: ([\d.]+)/.exec(r.stdout)?.[1]);
    expect(top1).toBeGreaterThan(0.8);
    expect(top3).toBeGreaterThanOrEqual(top1);
  }, 120_000);

  it('exits non-zero naming the file when a file is missing', async () => {
    await expect(qingdan('dispatch', 'evaluate', '--train', 'nope.csv', '--test', 'nope.csv')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('nope.csv'),
    });
  }, 60_000);
});
