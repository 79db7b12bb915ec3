import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ExcelJS is ~28 MB of a server's memory and only imports and exports use it. A fresh process
 * (vitest's workers share loaded modules between files) builds the whole app, checks ExcelJS is
 * not loaded, exports a workbook, and checks it then is.
 */
const script = `
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { parseConfig } from './src/config.js';
import { buildApp } from './src/app.js';
import { sheetsFeature } from './src/sheets/sheets.feature.js';
const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/exceljs/'));
const config = parseConfig({}, { dataDir: process.argv[2], logLevel: 'silent', webDir: '/nonexistent' });
const app = await buildApp(config);
await app.ready();
const before = loaded();
const sink = new PassThrough(); sink.resume();
await app.kernel.of(sheetsFeature).exportSettlement('2026-10', sink).catch(() => {});
console.log(JSON.stringify({ before, after: loaded() }));
await app.close();
`;

describe('ExcelJS is loaded only when a spreadsheet is read or written', () => {
  it('a started server has not loaded it; writing a workbook loads it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-lazy-'));
    const file = path.join(process.cwd(), `.lazy-exceljs-${process.pid}.mts`);
    fs.writeFileSync(file, script);
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', file, dir], { encoding: 'utf8', timeout: 60_000 });
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ before: false, after: true });
    } finally {
      fs.rmSync(file, { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
