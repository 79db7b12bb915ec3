/**
 * Import and export in Chromium: the acceptance office dry-runs the example 整改清单, sees the
 * row-by-row report without anything written, imports it, and finds the export links.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, ensureWeb, HAVE_BROWSER, launchBrowser, newPage, startServer, type Server } from './harness.js';
import { login } from './flows.js';

const EXAMPLE = path.resolve('examples/整改清单-示例.xlsx');

describe.skipIf(!HAVE_BROWSER)('import and export in a real browser', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    await ensureWeb();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('dry-runs, then imports the example sheet, and offers the exports', async () => {
    const { page } = await newPage(browser, server.url, DESKTOP);
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
    const res = await page.request.get(`${server.url}/api/v1/problems/export.csv`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
