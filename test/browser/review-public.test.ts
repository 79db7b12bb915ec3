/**
 * Issue #18 in Chromium, the public pages: the problem list's count, thumbnails, labelled dates,
 * distinct status filters folded on a phone (fix 8). Screenshots at 1280 and 375 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, shot, useBrowserServer } from './harness.js';
import { Api, login, photo } from './flows.js';

describe.skipIf(!HAVE_BROWSER)('public pages (issue #18)', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  /** Every public item the list holds, by walking its pages. */
  async function countAll(query: string): Promise<number> {
    let n = 0;
    let cursor = '';
    do {
      const page = await api.call('GET', `/api/v1/problems?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
      n += page.items.length;
      cursor = page.nextCursor ?? '';
    } while (cursor);
    return n;
  }

  it('counts the results, shows thumbnails and labelled dates, and folds the filters on a phone', async () => {
    const { code, token } = await api.report({ title: '公开清单测试：公园座椅损坏' });
    await api.upload(code, null, token, 'bench.png');
    await api.act('shouli', code, 'accept');

    const { page, errors } = await newPage(rig.browser, rig.server.url, PHONE);
    await page.goto('/problems');
    const total = await countAll('');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`共 ${total} 个问题`);
    // Folded on a phone: the first screen shows the list, not five selects.
    expect(await page.getByTestId('filter-status').isVisible()).toBe(false);
    const first = page.getByTestId('problem-item').first();
    expect((await first.boundingBox())!.y).toBeLessThan(740);
    await shot(page, 'review-problem-list');

    const card = page.locator(`[data-testid="problem-item"][data-code="${code}"]`);
    await card.getByTestId('card-thumb').waitFor();
    await expect
      .poll(() => card.getByTestId('card-thumb').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await card.locator('.card-meta').textContent()).toMatch(/更新于 \d{4}-\d{2}-\d{2}/);

    // Each status entry reads differently; a stage counts what its states do.
    await page.getByTestId('filters-toggle').click();
    const labels = await page.getByTestId('filter-status').locator('option').allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await page.getByTestId('filter-status').selectOption('in_progress,long_term');
    const inProgress = await countAll('&status=in_progress,long_term');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`共 ${inProgress} 个问题`);
    await expect.poll(() => page.getByTestId('filters-toggle').textContent()).toContain('已选 1 项');

    await page.setViewportSize(DESKTOP);
    await page.goto('/problems');
    expect(await page.getByTestId('filter-status').isVisible()).toBe(true);
    await shot(page, 'review-problem-list');
    expect(errors).toEqual([]);
  }, 90_000);
  it('lets staff answer a comment in public, and draws the like as an icon, not an emoji', async () => {
    const { code } = await api.report({ title: '评论回复测试：公交站台顶棚漏雨' });
    await api.act('shouli', code, 'assign', { leadDepartmentId: await api.departmentId('urban') });
    await api.call('POST', `/api/v1/problems/${code}/comments`, { text: '下雨天等车全身湿透，什么时候修？' });

    const staff = await newPage(rig.browser, rig.server.url, DESKTOP);
    await login(staff.page, 'chengguan');
    await staff.page.goto(`/admin/problems/${code}`);
    const comment = staff.page.getByTestId('comment').first();
    await comment.getByTestId('comment-reply').click();
    await comment.getByTestId('comment-reply-text').fill('已列入本周维修计划，周五前完成。');
    await comment.getByTestId('comment-reply-submit').click();
    await comment.getByTestId('comment-official-reply').waitFor();

    const { page, errors } = await newPage(rig.browser, rig.server.url, PHONE);
    await page.goto(`/problems/${code}`);
    const reply = page.getByTestId('comment-official-reply');
    await expect.poll(() => reply.textContent()).toContain('已列入本周维修计划，周五前完成。');
    expect(await reply.textContent()).toContain('官方回复');
    const likeButton = page.getByTestId('comment-like').first();
    expect(await likeButton.locator('svg').count()).toBe(1);
    expect(await likeButton.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await shot(page, 'review-comment-reply');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'review-comment-reply');
    expect([...errors, ...staff.errors]).toEqual([]);
  }, 60_000);
  it('shrinks the charts with the window and marks the current month as partial', async () => {
    const { page, errors } = await newPage(rig.browser, rig.server.url, DESKTOP);
    await page.goto('/');
    await page.getByTestId('chart-month').locator('canvas').waitFor();
    await page.setViewportSize(PHONE);
    // The page fits the phone again: no chart keeps its desktop width.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const widths = await page.locator('.chart').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(Math.max(...widths)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('partial-month-note').waitFor();
    expect(await page.getByTestId('chart-month').getAttribute('aria-label')).toContain('（至今）');
    await shot(page, 'review-home');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'review-home');
    expect(errors).toEqual([]);
  }, 60_000);
  it('names categories, areas and units in English on an English page, and finds lower-case codes', async () => {
    const cats = (await api.call('GET', '/api/v1/categories')).items;
    const lights = cats.find((c: { code: string }) => c.code === 'noise');
    const { code, token } = await api.report({ title: '英文页面测试：夜间施工噪音', categoryId: lights.id });
    await api.act('shouli', code, 'accept');
    const { context, page, errors } = await newPage(rig.browser, rig.server.url, PHONE);
    await context.addInitScript(() => localStorage.setItem('qingdan.lang', 'en'));
    await page.goto(`/problems/${code}`);
    await expect.poll(() => page.getByTestId('problem-details').textContent()).toContain(lights.nameEn);
    expect(await page.getByTestId('problem-details').textContent()).not.toContain(lights.name);
    // A code typed in lower case is the same item.
    await page.goto(`/track?code=${code.toLowerCase()}&token=${token}`);
    await expect.poll(() => page.getByTestId('problem-code').textContent()).toBe(code);
    await shot(page, 'review-english-item');
    expect(errors).toEqual([]);
  }, 60_000);
  it('small things: the open phone menu reads, photos added are counted, tables scroll by keyboard', async () => {
    const { page, errors } = await newPage(rig.browser, rig.server.url, PHONE);
    await page.goto('/');
    await page.getByTestId('figures-note').waitFor();
    await page.getByTestId('menu-toggle').click();
    // White on a darkened red, not white on near-white (1.12:1 before).
    const contrast = await page.getByTestId('menu-toggle').evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const st = getComputedStyle(el);
      const header = getComputedStyle(el.closest('.site-header')!);
      const bg = rgb(st.backgroundColor);
      const alpha = Number((st.backgroundColor.match(/[\d.]+/g) ?? [])[3] ?? 1);
      const base = rgb(header.backgroundColor);
      const mixed = bg.map((v, i) => v * alpha + base[i] * (1 - alpha));
      const [a, b] = [lum(rgb(st.color)), lum(mixed)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);

    await page.goto('/report');
    await page.getByTestId('photo-input').first().setInputFiles(photo('a.png'));
    await expect.poll(() => page.getByTestId('photo-chosen').first().textContent()).toBe('已添加 1 张照片');

    await page.goto('/scoreboard');
    const wrap = page.locator('.table-wrap').first();
    await wrap.waitFor();
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    await wrap.focus();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('table-wrap'))).toBe(true);
    await shot(page, 'review-scoreboard');
    expect(errors).toEqual([]);
  }, 60_000);
});
