/**
 * The pin on the report form in Chromium at phone width against the real server (demo city, a
 * local tile server): a resident taps the map, sees the area and address filled and an open item
 * of the same kind nearby, submits; the item pages (the reporter's, the public and the staff view)
 * show the pin. The admin's boundary upload refuses an open ring and stores a closed one. A pin the
 * server refuses is explained in the page's language (issue #18 fix 12).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { Api, login, PNG, selectByText } from './flows.js';

/** Taps a WGS-84 point on a map drawn by MapCanvas (Web-Mercator pixels in the SVG's viewBox). */
async function tapAt(page: Page, testId: string, lat: number, lng: number, zoom: number) {
  const map = page.getByTestId(testId);
  const [x0, y0, w] = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
  const rect = (await map.boundingBox())!;
  const size = 256 * 2 ** zoom;
  const rad = (lat * Math.PI) / 180;
  const px = ((lng + 180) / 360) * size;
  const py = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * size;
  const scale = rect.width / w;
  await map.click({ position: { x: (px - x0) * scale, y: (py - y0) * scale } });
}

/** The report form with its map drawn (boundaries loaded: the view is centred on them). */
async function openReport(page: Page) {
  await page.goto('/report');
  await page.getByTestId('pin-map').waitFor();
  await expect.poll(() => page.getByTestId('map-area').count()).toBe(5);
}

describe.skipIf(!HAVE_BROWSER)('the pin on the report form in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let api: Api;
  let tiles: http.Server;

  beforeAll(async () => {
    tiles = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
    await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r));
    const tilePort = (tiles.address() as AddressInfo).port;
    await ensureWeb();
    [server, browser] = await Promise.all([
      startServer({ QINGDAN_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` }),
      launchBrowser(),
    ]);
    api = new Api(server.url);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tiles?.close();
  });

  it('drops a pin, sees the area, address and an open item nearby; the item pages show the pin', async () => {
    const { page, errors } = await newPage(browser, server.url, PHONE);
    await openReport(page);
    await expect.poll(() => page.locator('image[data-loaded="1"]').count()).toBeGreaterThan(0);
    await tapAt(page, 'pin-map', 30.36, 112.3, 11);
    await page.getByTestId('pin-marker').waitFor();
    const lat = Number(await page.getByTestId('report-lat').inputValue());
    const lng = Number(await page.getByTestId('report-lng').inputValue());
    // Within a few screen pixels: one is about 0.0015° at zoom 11 on a 375-pixel-wide map.
    expect(Math.abs(lat - 30.36)).toBeLessThan(0.005);
    expect(Math.abs(lng - 112.3)).toBeLessThan(0.005);
    await expect.poll(() => page.getByTestId('pin-area').textContent()).toContain('沙市区');
    const shashi = await page.getByTestId('report-area').inputValue();
    expect(await page.getByTestId('report-area').locator(`option[value="${shashi}"]`).textContent()).toContain(
      '沙市区',
    );
    expect(await page.getByTestId('report-address').inputValue()).toBe('沙市区（地图选点）');

    // Someone reported bikes piled on the pavement 45 m away; it was accepted, so it is public.
    const bikes = await selectByText(page, 'report-category', '共享单车');
    const near = await api.report({
      title: '共享单车堆满人行道',
      categoryId: Number(bikes),
      lat: lat + 0.0004,
      lng,
      areaId: Number(shashi),
    });
    await api.act('shouli', near.code, 'accept');
    await selectByText(page, 'report-category', '污水处理');
    await selectByText(page, 'report-category', '共享单车');
    await page.getByTestId(`nearby-${near.code}`).waitFor();
    expect(await page.getByTestId(`nearby-${near.code}`).textContent()).toContain('共享单车堆满人行道');
    await page.getByTestId(`nearby-${near.code}`).getByRole('button').click();
    await page.getByTestId('nearby-signin').waitFor();
    await shot(page, 'residents-report-pin');

    await page.getByTestId('report-title').fill('地铁口单车乱停');
    await page.getByTestId('report-description').fill('江津路地铁口共享单车乱停，挡住盲道');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-success').waitFor();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    await page.getByTestId('tracking-link').click();
    await page.getByTestId('item-pin').waitFor();
    await shot(page, 'residents-track-pin');
    const stored = await api.call('GET', `/api/v1/problems/${code}`, undefined, 'shouli');
    expect(stored.problem).toMatchObject({ lat, lng, area: { id: Number(shashi) }, address: '沙市区（地图选点）' });

    for (const size of [PHONE, DESKTOP]) {
      const pub = await newPage(browser, server.url, size);
      await pub.page.goto(`/problems/${near.code}`);
      await pub.page.getByTestId('item-pin').waitFor();
      await shot(pub.page, 'residents-item-pin');
      await pub.context.close();
    }
    const noPin = await api.report({ title: '没有位置的问题' });
    await api.act('shouli', noPin.code, 'accept');
    await page.goto(`/problems/${noPin.code}`);
    await page.getByTestId('problem-details').waitFor();
    expect(await page.getByTestId('item-pin-map').count()).toBe(0);
    expect(errors).toEqual([]);

    const staff = await newPage(browser, server.url, DESKTOP);
    await login(staff.page, 'shouli');
    await staff.page.goto(`/admin/problems/${code}`);
    await staff.page.getByTestId('item-pin').waitFor();
    await openReport(staff.page);
    await tapAt(staff.page, 'pin-map', 30.36, 112.3, 11);
    await staff.page.getByTestId('pin-area').waitFor();
    await shot(staff.page, 'residents-report-pin');
    await staff.context.close();
  }, 180_000);

  it('lets the admin upload a boundary as GeoJSON and says what is wrong with a bad one', async () => {
    for (const size of [DESKTOP, PHONE]) {
      const { page, context, errors } = await newPage(browser, server.url, size);
      await login(page, 'admin');
      await page.goto('/admin/settings/boundaries');
      await page.getByTestId('bnd-area').locator('option', { hasText: '荆州开发区' }).waitFor({ state: 'attached' });
      await selectByText(page, 'bnd-area', '荆州开发区');
      const ring = [
        [112.2, 30.15],
        [112.42, 30.14],
        [112.42, 30.28],
        [112.2, 30.3],
      ];
      await page.getByTestId('bnd-text').fill(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
      await page.getByTestId('bnd-upload').click();
      await expect.poll(() => page.getByTestId('bnd-outcomes').textContent()).toContain('第 1 个环未闭合');
      const closed = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
      };
      await page.getByTestId('bnd-text').fill(JSON.stringify(closed));
      await page.getByTestId('bnd-upload').click();
      await expect.poll(() => page.locator('[data-testid="bnd-outcomes"] [data-ok="1"]').count()).toBe(1);
      await page.getByTestId('bnd-map').waitFor();
      await shot(page, 'residents-boundaries');
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('shows a server refusal in the page’s language: English after the switch, Chinese by default', async () => {
    // A pin typed outside every area is refused by the server only (the form cannot know the areas).
    for (const lang of ['en', 'zh'] as const) {
      const { page, context, errors } = await newPage(browser, server.url, DESKTOP);
      await openReport(page);
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await page.getByTestId('report-title').fill(lang === 'en' ? 'Broken bench' : '座椅损坏');
      await page.getByTestId('report-description').fill(lang === 'en' ? 'A bench is broken' : '公园座椅损坏');
      await page.getByTestId('report-lat').fill('39.9');
      await page.getByTestId('report-lng').fill('116.4');
      await page.getByTestId('report-submit').click();
      const shown = (await page.getByTestId('report-error').textContent())!;
      if (lang === 'en') {
        expect(shown).toContain('the point is outside every area');
        expect(shown).not.toMatch(/[\u3400-\u9fff\uff00-\uffef]/);
      } else expect(shown).toContain('该位置不在本市任何区域内');
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 90_000);
});
