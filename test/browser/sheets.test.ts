/**
 * Import and export in Chromium: the acceptance office dry-runs the example 整改清单, sees the
 * row-by-row report without anything written, imports it, and finds the export links.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { xlsx } from '../sheets/sheet-files.js';
import { describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, useBrowserServer } from './harness.js';
import { login } from './flows.js';

const EXAMPLE = path.resolve('examples/整改清单-示例.xlsx');

// An import runs the duplicate check per row against the demo city; on two loaded cores the first
// one took past the 30 s default in CI (1.8 s on a quiet machine).
describe.skipIf(!HAVE_BROWSER)('import and export in a real browser', { timeout: 120_000 }, () => {
  const rig = useBrowserServer();

  it('dry-runs, then imports the example sheet, and offers the exports', async () => {
    const { page } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(page, 'shouli');
    await page.goto('/admin/sheets');
    await page.getByTestId('import-file').setInputFiles(EXAMPLE);
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('检查通过');
    await page.getByTestId('import-mode').selectOption('strict');
    await page.getByTestId('import-submit').click();
    await expect.poll(async () => (await page.getByTestId('import-report').textContent()) ?? '').toContain('已导入');
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toBe('/api/v1/problems/export.xlsx');
    const res = await page.request.get(`${rig.server.url}/api/v1/problems/export.csv`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('maps the columns of a sheet it does not recognise, and a colleague gets the mapping', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-map-'));
    const file = path.join(dir, '来信.xlsx');
    fs.writeFileSync(
      file,
      await xlsx([
        ['信件编号', '信件主题', '信件详情'],
        ['9001', '噪音扰民', '夜间施工噪音严重。'],
      ]),
    );
    const { page } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(page, 'shouli');
    await page.goto('/admin/sheets');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('column-mapping').waitFor();
    expect(await page.getByTestId('import-report').textContent()).toContain('看到的表头');
    // The suggestion is preselected; the clerk fixes the rest and checks again.
    expect(await page.getByTestId('map-信件详情').inputValue()).toBe('description');
    await page.getByTestId('map-信件编号').selectOption('externalRef');
    await page.getByTestId('mapping-apply').click();
    await expect.poll(async () => (await page.getByTestId('import-report').textContent()) ?? '').toContain('检查通过');
    const other = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(other.page, 'ducha');
    await other.page.goto('/admin/sheets');
    await other.page.getByTestId('import-file').setInputFiles(file);
    await other.page.getByTestId('import-submit').click();
    await other.page.getByTestId('mapping-saved').waitFor();
    fs.rmSync(dir, { recursive: true });
  });
});
