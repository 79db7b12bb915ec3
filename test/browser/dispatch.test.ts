/**
 * The acceptance inbox with suggestions learned from the demo city's triaged items: after a
 * retrain, an untriaged report shows the learned category with the next likely ones, and the
 * assign form is pre-filled with the learned lead unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, ensureWeb, HAVE_BROWSER, launchBrowser, newPage, shot, startServer, type Server } from './harness.js';
import { Api, login, newestFirstInInbox } from './flows.js';

// The history here is tiny; a real city's model needs 200 items before it is used.
process.env.QINGDAN_DISPATCH_MIN_ITEMS = '10';

describe.skipIf(!HAVE_BROWSER)('dispatch suggestions in the inbox', () => {
  let server: Server;
  let browser: Browser;
  let api: Api;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    await ensureWeb();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    api = new Api(server.url);
    const p = await newPage(browser, server.url, DESKTOP);
    page = p.page;
    errors = p.errors;
  }, 240_000);
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.stop();
  });

  it('shows the learned top-3 for an untriaged report once the model is trained', async () => {
    const trained = await api.call('POST', '/api/v1/dispatch/train', {}, 'admin');
    expect(trained.models.map((m: { target: string }) => m.target)).toEqual(['category', 'department']);
    const { code } = await api.report({ title: '胜利街道路灯坏了', description: '晚上一片漆黑，路灯不亮' });
    const learned = await api.call('GET', `/api/v1/problems/${code}/dispatch`, undefined, 'shouli');
    expect(learned.categories.length).toBeGreaterThanOrEqual(2);
    await login(page, 'shouli');
    await newestFirstInInbox(page);
    const item = page.locator(`[data-testid="problem-item"][data-code="${code}"]`);
    await expect.poll(() => item.getByTestId('hint-category-others').count(), { timeout: 15_000 }).toBe(1);
    expect(await item.getByTestId('hint-category').textContent()).toContain(learned.categories[0].name);
    expect(await item.getByTestId('hint-category-others').textContent()).toContain(learned.categories[1].name);
    expect(await item.getByTestId('hint-department').textContent()).toContain(learned.departments[0].name);
    await shot(page, 'dispatch-inbox');
  }, 120_000);
});
