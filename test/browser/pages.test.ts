/**
 * Every main page at desktop (1280 px) and phone (375 px) width: it renders without script errors,
 * nothing overflows sideways, every form control has a label, and a screenshot is saved to
 * test-output/screenshots/. Also: keyboard sign-in, the English switch, and charts loaded only
 * where they are drawn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, shot, useBrowserServer } from './harness.js';
import { Api, login, selectByText } from './flows.js';

/** Controls without a label (by <label for>, wrapping label, aria-label or aria-labelledby). */
const unlabelled = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => (el as HTMLInputElement).type !== 'hidden' && (el as HTMLElement).offsetParent !== null)
      .filter(
        (el) =>
          !(
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby')
          ),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function check(page: Page, name: string, ready: string) {
  await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .locator('[data-testid="loading"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  expect(await unlabelled(page), `${name}: unlabelled controls`).toEqual([]);
  expect(await overflow(page), `${name}: sideways overflow`).toBeLessThanOrEqual(1);
  expect(await page.locator('h1').count(), `${name}: a page heading`).toBeGreaterThan(0);
  await shot(page, name);
}

describe.skipIf(!HAVE_BROWSER)('main pages in a real browser', () => {
  let code = '';
  let token = '';
  const rig = useBrowserServer();
  beforeAll(async () => {
    const api = new Api(rig.server.url);
    ({ code, token } = await api.report({
      title: '胜利街道菜市场周边共享单车乱停放',
      description: '早高峰时单车堵住人行道，轮椅和婴儿车无法通过。',
      address: '沙市区胜利街道菜市场东门',
    }));
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.act('chengguan', code, 'sign');
    await api.act('chengguan', code, 'progress', { text: '已清理乱停车辆 120 辆，施划停车位 30 个', percent: 40 });
    await api.call('POST', `/api/v1/problems/${code}/comments`, {
      text: '早上已经好多了，希望坚持下去',
      authorName: '菜场摊主',
    });
  }, 240_000);

  for (const size of [DESKTOP, PHONE]) {
    it(`renders the portal at ${size.width} px`, async () => {
      const { page, errors, context } = await newPage(rig.browser, rig.server.url, size);
      const pages: [string, string, string][] = [
        ['/', 'home', 'charts'],
        ['/report', 'report', 'report-form'],
        [`/track?code=${code}&token=${token}`, 'track', 'timeline'],
        ['/problems', 'list', 'problem-list'],
        [`/problems/${code}`, 'item', 'comment'],
        ['/scoreboard', 'scoreboard', 'score-settled'],
        ['/login', 'login', 'login-form'],
      ];
      for (const [path, name, ready] of pages) {
        await page.goto(path);
        await check(page, name, ready);
      }
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);

    it(`renders the back office at ${size.width} px`, async () => {
      const pages: [string, string, string, string][] = [
        ['shouli', '/admin/inbox', 'inbox', 'inbox-list'],
        ['chengguan', '/admin/workspace', 'workspace', 'todo'],
        ['ducha', '/admin/supervision', 'supervision', 'warning-table'],
        ['ducha', '/admin/settlement', 'settlement', 'settle-departments'],
        ['shuji', '/admin/leader', 'leader', 'leader-items'],
        ['admin', '/admin/settings?tab=categories', 'settings', 'ref-table'],
        ['admin', '/admin/settings?tab=calendar', 'settings-calendar', 'cal-off'],
        ['admin', '/admin/settings?tab=questions', 'settings-questions', 'questions-editor'],
        ['chengguan', `/admin/problems/${code}`, 'staff-item', 'milestones'],
      ];
      for (const [who, path, name, ready] of pages) {
        const { page, errors, context } = await newPage(rig.browser, rig.server.url, size);
        await login(page, who);
        await page.goto(path);
        await check(page, name, ready);
        expect(errors).toEqual([]);
        await context.close();
      }
      // The question editor's form, with its English help field, once a category is chosen.
      const { page, errors, context } = await newPage(rig.browser, rig.server.url, size);
      await login(page, 'admin');
      await page.goto('/admin/settings?tab=questions');
      await selectByText(page, 'q-category', '路灯不亮');
      await check(page, 'settings-questions-form', 'question-row');
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it('signs in with the keyboard alone, skip link first', async () => {
    const { page, context } = await newPage(rig.browser, rig.server.url);
    await page.goto('/');
    await page.getByTestId('cta-report').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.goto('/login');
    // The username field takes focus on its own once the page has rendered.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-username');
    await page.keyboard.type('shouli');
    await page.keyboard.press('Tab');
    await page.keyboard.type('qingdan2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/inbox/);
    await context.close();
  });

  it('switches to English and loads the charts chunk only where charts are drawn', async () => {
    const { page, context } = await newPage(rig.browser, rig.server.url);
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/charts-/.test(r.url())) chunks.push(new URL(r.url()).pathname);
    });
    await page.goto('/report');
    await page.getByTestId('report-form').waitFor();
    await page.goto('/problems');
    await page.getByTestId('problem-list').waitFor();
    // The list says how many items it holds (issue #14: no silent cap), in either language.
    expect(await page.getByTestId('list-total').textContent()).toMatch(/^共 [\d,]+ 条$/);
    expect(chunks).toEqual([]);
    await page.getByTestId('nav-home').click();
    await page.getByTestId('chart-category').waitFor();
    expect(chunks).toHaveLength(1);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-report').textContent()).toBe('Report a problem');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'home-en');
    await page.getByTestId('nav-problems').click();
    await expect.poll(() => page.getByTestId('list-total').textContent()).toMatch(/^[\d,]+ items$/);
    await context.close();
  });
});
