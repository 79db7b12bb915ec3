/**
 * The one-window hall in Chromium against the real server (the demo city, its 300+ matters): a
 * clerk receives an application with a material missing and prints the one-time notice (the PDF
 * downloaded and read back); the applicant returns and the case is accepted; the department
 * reviews and approves; the window hands the result over; the applicant rates 不满意 from the SMS
 * link; the rating is an item with five working days, rectified and called back; the department's
 * month shows it; `qingdan audit verify` passes. Every hall page at 1280 and 375 px.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, ROOT, shot, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';
import { pdfText } from '../hall/pdf-text.js';
import { residentId } from '../hall/hall-fixtures.js';
import { defaultCalendar } from '../../src/supervision/calendar.js';

const run = promisify(execFile);
const cityToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function ready(page: Page, testId: string) {
  await page.getByTestId(testId).first().waitFor();
  await page
    .locator('[data-testid="loading"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}
/** No sideways scrolling and every control labelled, then a screenshot. */
async function check(page: Page, name: string, testId: string) {
  await ready(page, testId);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    `${name} overflows`,
  ).toBeLessThanOrEqual(1);
  const unlabelled = await page.$$eval(
    'input:not([type=hidden]), select, textarea',
    (els) => els.filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label'))).length,
  );
  expect(unlabelled, `${name}: unlabelled controls`).toBe(0);
  await shot(page, `hall-${name}`);
}

describe.skipIf(!HAVE_BROWSER)('the one-window hall in a real browser', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it('walks a case from a one-time notice to a rectified bad rating in the department’s month', async () => {
    const all = await api.call('GET', '/api/v1/matters?limit=1');
    expect(all.total).toBeGreaterThanOrEqual(300);
    expect((await api.call('GET', '/api/v1/matters/ways-in')).departments.length).toBeGreaterThanOrEqual(9);
    const month = cityToday().slice(0, 7);
    const taxId = await api.departmentId('tax');
    const before = (
      await api.call('GET', `/api/v1/applications/month?month=${month}`, undefined, 'ducha')
    ).departments.find((d: { id: number }) => d.id === taxId)?.ratings ?? { bad: 0, badRectified: 0 };

    // The window: a material missing → a one-time notice, printed as a PDF.
    const clerk = await newPage(rig.browser, rig.server.url, DESKTOP);
    const c = clerk.page;
    await login(c, 'shouli');
    await c.goto('/admin/hall/desk');
    await c.getByTestId('desk-window').fill('A05');
    await c.getByTestId('desk-find').fill('契税申报');
    await c.getByTestId('desk-pick').first().click();
    await c.getByTestId('desk-name').fill('周晓梅');
    await c.getByTestId('desk-id').fill(residentId('19880314', '062'));
    await c.getByTestId('desk-phone').fill('13972100001');
    await c.getByTestId('desk-material-1').check();
    await check(c, 'desk', 'desk-form');
    await c.getByTestId('desk-submit').click();
    await expect.poll(() => c.getByTestId('desk-outcome').textContent()).toContain('一次性告知书');
    const token = (await c.getByTestId('desk-token').textContent())!.trim();
    const missing = await c.getByTestId('notice').textContent();
    const [download] = await Promise.all([c.waitForEvent('download'), c.getByTestId('desk-pdf').click()]);
    const text = await pdfText(fs.readFileSync((await download.path())!));
    expect(text).toContain('一次性告知书');
    expect(text).toContain('申请表');
    expect(text).toContain(token);
    expect(missing).toContain('申请表');
    await c.getByTestId('desk-open').click();
    const number = (await c.getByTestId('case-number').textContent())!.trim();

    // The applicant returns with the rest: accepted, the clock starts.
    for (const box of await c.locator('[data-testid^="supply-"]').all()) await box.check();
    await c.getByTestId('case-supply').click();
    await expect.poll(() => c.getByTestId('case-status').first().textContent()).toBe('已受理');

    // The tax bureau's back office reviews and approves.
    const dept = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(dept.page, 'shuiwu');
    await dept.page.goto(`/admin/hall/cases/${number}`);
    await dept.page.getByTestId('case-action-review').click();
    await expect.poll(() => dept.page.getByTestId('case-status').first().textContent()).toBe('审查中');
    await dept.page.getByTestId('case-action-approve').click();
    await expect.poll(() => dept.page.getByTestId('case-status').first().textContent()).toBe('准予');
    await shot(dept.page, 'hall-case');

    // The window hands the result over.
    await c.reload();
    await c.getByTestId('case-action-issue').click();
    await expect.poll(() => c.getByTestId('case-status').first().textContent()).toBe('已办结');

    // The applicant rates 不满意 from the SMS link.
    const pub = await newPage(rig.browser, rig.server.url, PHONE);
    await pub.page.goto(`/hall/rate?no=${encodeURIComponent(number)}&token=${encodeURIComponent(token)}`);
    await pub.page.getByTestId('rate-level-2').check();
    await pub.page.getByTestId('rate-reason-repeat_visits').check();
    await pub.page.getByTestId('rate-comment').fill('第一次没有一次性说清楚需要申请表');
    await check(pub.page, 'rate', 'rate-form');
    await pub.page.getByTestId('rate-submit').click();
    const done = (await pub.page.getByTestId('rate-done').textContent())!;
    const item = /JZ-\d{4}-\d{6}/.exec(done)![0];

    // The item: five working days for the department, rectified, called back.
    const problem = (await api.call('GET', `/api/v1/problems/${item}`, undefined, 'shouli')).problem;
    expect(problem).toMatchObject({
      status: 'assigned',
      source: { code: 'hall_rating' },
      leadDepartment: { id: taxId },
    });
    expect(problem.deadline).toBe(defaultCalendar().addWorkingDays(cityToday(), 5));
    await api.act('shuiwu', item, 'sign');
    await api.act('shuiwu', item, 'rectify', { evidence: '已向申请人致歉，窗口一次性告知清单补充申请表' });
    await api.act('shouli', item, 'verify', { result: 'satisfied', rating: 4, method: 'callback' });

    // The department's month shows it.
    const office = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(office.page, 'ducha');
    await office.page.goto('/admin/hall/board');
    const row = office.page.getByTestId(`hall-month-dept-${taxId}`);
    await expect.poll(() => row.getByTestId('month-bad').textContent()).toBe(String(before.bad + 1));
    expect(await row.getByTestId('month-rectified').textContent()).toBe(String(before.badRectified + 1));
    await check(office.page, 'board', 'hall-board');

    const verify = await run(process.execPath, [path.join(ROOT, 'bin', 'qingdan.mjs'), 'audit', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, QINGDAN_DATA_DIR: rig.server.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    expect(verify.stdout).toMatch(/audit chain intact/);
    expect(verify.stdout).toMatch(/hall chain intact/);
    for (const p of [clerk, dept, pub, office]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  }, 180_000);

  it('shows every hall page at 1280 and 375 px without sideways scrolling', async () => {
    const some = (await api.call('GET', '/api/v1/applications?status=issued&limit=1', undefined, 'shouli')).items[0];
    for (const size of [DESKTOP, PHONE]) {
      const { page, context, errors } = await newPage(rig.browser, rig.server.url, size);
      await page.goto('/hall');
      await check(page, 'home', 'hall-figures');
      await page.getByTestId('hall-q').fill('不动产 登记');
      await page.getByTestId('hall-search').click();
      await check(page, 'guide', 'guide-item');
      expect(Number((await page.getByTestId('guide-total').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(5);
      await page.getByTestId('guide-item').first().click();
      await check(page, 'matter', 'guide-materials');
      await page.goto('/hall/case');
      await check(page, 'progress', 'case-lookup');
      await login(page, 'admin');
      for (const [url, id, name] of [
        ['/admin/hall/cases', 'cases-table', 'cases'],
        [`/admin/hall/cases/${some.number}`, 'case-timeline', 'case-page'],
        ['/admin/hall/catalogue', 'cat-list', 'catalogue'],
        ['/admin/hall/desk', 'desk-pending', 'desk-empty'],
      ] as const) {
        await page.goto(url);
        await check(page, name, id);
      }
      await page
        .getByTestId('cat-open')
        .first()
        .click()
        .catch(() => undefined);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
