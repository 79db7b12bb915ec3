/**
 * At phone width against the real server (demo city): a resident reports and gets the short code,
 * signs in by an e-mail link (a real SMTP server receives it), claims the report with the short
 * code typed loosely, and sees it in "my reports". The admin edits a message to reporters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  ensureWeb,
  HAVE_BROWSER,
  launchBrowser,
  newPage,
  PHONE,
  shot,
  startServer,
  type Server,
} from './harness.js';
import { Api, login, selectByText } from './flows.js';
import { startMailbox } from '../residents/sms-gateway.js';

/** The new pages at 375 and 1280 px; the flow itself runs at phone width. */
async function bothWidths(page: Page, name: string) {
  await shot(page, name);
  await page.setViewportSize(DESKTOP);
  await shot(page, name);
  await page.setViewportSize(PHONE);
}

describe.skipIf(!HAVE_BROWSER)('short codes and e-mail sign-in in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let api: Api;
  let mail: Awaited<ReturnType<typeof startMailbox>>;

  beforeAll(async () => {
    mail = await startMailbox();
    await ensureWeb();
    [server, browser] = await Promise.all([startServer({ SMTP_URL: mail.url }), launchBrowser()]);
    api = new Api(server.url);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it('reports, signs in by e-mail link, claims with the short code and sees it in "my reports"', async () => {
    const { page, errors } = await newPage(browser, server.url, PHONE);
    await page.goto('/report');
    await selectByText(page, 'report-category', '路灯不亮');
    await selectByText(page, 'report-area', '和平社区');
    await page.getByTestId('report-title').fill('和平社区五号楼路灯不亮');
    await page.getByTestId('report-description').fill('五号楼前的路灯一周没亮了。');
    await page.getByTestId('report-address').fill('沙市区中山街道和平社区五号楼');
    await page.getByTestId('report-q-pole_number').fill('SS-0456');
    await page.getByTestId('report-q-fault').selectOption('single');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-success').waitFor();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    const short = (await page.getByTestId('short-code').textContent())!.trim();
    expect(short).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    await bothWidths(page, 'residents-report-shortcode');

    await page.goto('/me/signin');
    await page.getByTestId('res-email').fill('zhou@example.com');
    await bothWidths(page, 'residents-signin-email');
    await page.getByTestId('res-send-link').click();
    await expect.poll(() => page.getByTestId('res-link-sent').textContent()).toContain('z***@example.com');
    await expect.poll(() => mail.mails.filter((m) => m.to.includes('zhou@example.com')).length).toBe(1);
    // Demo mode shows the link in the dev inbox, as it does the SMS code; the real mail carries the same.
    const inbox = await api.call('GET', '/api/v1/residents/dev-inbox?email=zhou@example.com');
    const token = /link=(m_[\w-]+)/.exec(inbox.code)![1];
    const raw = mail.mails.find((m) => m.to.includes('zhou@example.com'))!.raw;
    const body = raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('');
    expect(raw.replace(/=\r?\n/g, '').includes(token) || Buffer.from(body, 'base64').toString().includes(token)).toBe(
      true,
    );

    await page.goto(`/me/signin?email=${encodeURIComponent('zhou@example.com')}&link=${token}`);
    await page.getByTestId('res-reports').waitFor({ state: 'attached' });
    await page.getByTestId('claim-code').fill(code);
    await page.getByTestId('claim-token').fill(` ${short.toLowerCase().replace('-', ' ')} `);
    await page.getByTestId('claim-go').click();
    await page.getByTestId(`res-report-${code}`).waitFor();
    expect(await page.getByTestId(`res-report-${code}`).textContent()).toContain('等待受理中心审核');
    await bothWidths(page, 'residents-mine-claimed');
    expect(errors).toEqual([]);
  }, 180_000);

  it('lets the admin edit, check, preview and reset a message to reporters', async () => {
    for (const size of [DESKTOP, PHONE]) {
      const { page, errors } = await newPage(browser, server.url, size);
      await login(page, 'admin');
      await page.goto('/admin/reporter-messages');
      await page.getByTestId('tpl-assign').waitFor();
      await page.getByTestId('tpl-assign-zh-body').fill('{code} 交 {unitt} 办理');
      await page.getByTestId('tpl-assign-zh-save').click();
      await expect.poll(() => page.getByTestId('tpl-assign-zh-error').textContent()).toContain('{unitt}');
      await page
        .getByTestId('tpl-assign-zh-body')
        .fill('【清单】{code} 已交 {unit} 办理，期限 {deadline}，查询码 {shortCode}');
      await page.getByTestId('tpl-assign-zh-preview').click();
      await expect.poll(() => page.getByTestId('tpl-assign-zh-note').textContent()).toContain('市城市管理执法委员会');
      await shot(page, 'residents-admin-templates');
      await page.getByTestId('tpl-assign-zh-save').click();
      await page.getByTestId('tpl-assign-zh-reset').click();
      await expect.poll(() => page.getByTestId('tpl-assign-zh-reset').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});
