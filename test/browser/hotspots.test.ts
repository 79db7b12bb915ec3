/**
 * Hot spots in Chromium against the real server: the office's clusters page, the public hot
 * topics (the page and the home page's panel) and "me too" on an item's page, once per browser.
 * Screenshots at 1280 and 375 px.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, HAVE_BROWSER, newPage, PHONE, shot, useBrowserServer } from './harness.js';
import { Api, login } from './flows.js';

describe.skipIf(!HAVE_BROWSER)('hot spots in a real browser', () => {
  let api: Api;
  const rig = useBrowserServer();
  beforeAll(async () => {
    api = new Api(rig.server.url);
  }, 240_000);

  it('shows a cluster to the office and the public, and counts one "me too" per browser', async () => {
    const areas = (await api.call('GET', '/api/v1/areas')) as { items: { id: number; code: string }[] };
    const areaId = areas.items.find((a) => a.code === 'jz-jl')!.id;
    const codes: string[] = [];
    for (const n of [1, 2, 3, 5]) {
      const { code } = await api.report({
        title: `幸福里小区${n}栋电梯经常困人`,
        description: `幸福里小区${n}栋的电梯这个月已经困人好几次了`,
        areaId,
      });
      await api.act('shouli', code, 'accept');
      codes.push(code);
    }

    const office = await newPage(rig.browser, rig.server.url, DESKTOP);
    const o = office.page;
    await login(o, 'ducha');
    await o.goto('/admin/hotspots');
    const card = o.getByTestId('hot-card').filter({ hasText: '电梯经常困人' });
    await expect.poll(() => card.getByTestId('hot-reported').textContent()).toBe('30 天内被反映 4 次');
    await expect.poll(() => card.getByTestId('hot-promote').count()).toBe(1);
    await shot(o, 'hotspots-admin');

    const phone = await newPage(rig.browser, rig.server.url, PHONE);
    const p = phone.page;
    await p.goto('/hot');
    const pub = p.getByTestId('hot-card').filter({ hasText: '电梯经常困人' });
    await expect.poll(() => pub.getByTestId('hot-reported').textContent()).toBe('30 天内被反映 4 次');
    await expect.poll(() => pub.getByTestId('hot-promote').count()).toBe(0);
    await shot(p, 'hotspots-public');

    await p.goto(`/problems/${codes[0]}`);
    const button = p.getByTestId('metoo-button');
    await expect.poll(() => p.getByTestId('metoo-count').textContent()).toBe('0 人也遇到');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => p.getByTestId('metoo-count').textContent()).toBe('1 人也遇到');
    await p.reload();
    await expect.poll(() => p.getByTestId('metoo-button').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => p.getByTestId('metoo-count').textContent()).toBe('1 人也遇到');
    await shot(p, 'hotspots-metoo');

    await o.goto('/');
    await expect.poll(() => o.getByTestId('home-hot-topics').textContent()).toContain('电梯经常困人');
    await shot(o, 'hotspots-home');
  }, 180_000);
});
