import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-cli-'));
const env = { ...process.env, QINGDAN_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const qingdan = (...args: string[]) => run(process.execPath, ['bin/qingdan.mjs', ...args], { env });

// Each case starts several real processes, each loading TypeScript and every feature: ~15 s on a
// quiet machine, past the 30 s default on two loaded cores.
describe('qingdan CLI (SQLite)', { timeout: 90_000 }, () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has --help on every command', async () => {
    const top = await qingdan('--help');
    for (const cmd of ['serve', 'migrate', 'seed', 'user', 'audit']) expect(top.stdout).toContain(cmd);
    for (const cmd of [['serve'], ['migrate'], ['seed'], ['user', 'add'], ['audit', 'verify']]) {
      expect((await qingdan(...cmd, '--help')).stdout).toContain('Usage: qingdan');
    }
  });

  it('migrates, seeds a small demo, adds a user and verifies the audit chain', async () => {
    expect((await qingdan('migrate')).stdout).toContain('applied');
    const seeded = await qingdan('seed', '--demo', '--items', '30');
    expect(seeded.stdout).toContain('demo accounts');
    const added = await qingdan(
      'user',
      'add',
      '-u',
      'newstaff',
      '-r',
      'department',
      '-d',
      'water',
      '--password',
      'longenough1',
    );
    expect(added.stdout).toContain('created user newstaff (department)');
    expect((await qingdan('audit', 'verify')).stdout).toMatch(/audit chain intact: \d+ events verified/);
  });

  it('explains an error in the console’s language: --lang, else LC_ALL/LANG starting "en", else Chinese', async () => {
    // Department staff without a department: the user feature's own message, in both languages.
    const add = (extra: string[], locale: Record<string, string>) =>
      run(process.execPath, ['bin/qingdan.mjs', 'user', 'add', '-u', 'nodept', '-r', 'department', ...extra], {
        env: { ...env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale, QINGDAN_PASSWORD: 'longenough1' },
      });
    const zh = '部门工作人员需要指定部门';
    const en = 'department staff need a department';
    await expect(add([], {})).rejects.toMatchObject({ stderr: expect.stringContaining(zh) });
    await expect(add([], { LANG: 'en_GB.UTF-8' })).rejects.toMatchObject({ stderr: expect.stringContaining(en) });
    await expect(add([], { LANG: 'en_GB.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).rejects.toMatchObject({
      stderr: expect.stringContaining(zh),
    });
    await expect(add(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).rejects.toMatchObject({
      stderr: expect.stringContaining(en),
    });
  });

  it('explains a bad command or configuration and exits non-zero', async () => {
    await expect(qingdan('user', 'add', '-u', 'x', '-r', 'king', '--password', 'longenough1')).rejects.toMatchObject({
      stderr: expect.stringContaining('unknown role'),
    });
    await expect(
      run(process.execPath, ['bin/qingdan.mjs', 'migrate'], { env: { ...env, PORT: 'eighty' } }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('PORT') });
  });
});
