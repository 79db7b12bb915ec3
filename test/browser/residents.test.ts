/**
 * The residents' side in Chromium at phone width against the real server (demo city): a resident
 * signs in with the SMS code (a real HTTP listener is the gateway), reports with a position, sees
 * "my reports", gets "rectified — please verify" by SMS and verifies; a second resident following
 * the area gets the digest by e-mail (a real SMTP server); the map shows clusters and the heat map,
 * loads tiles from a local tile server, and still draws the boundaries when that server is gone.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  ensureWeb,
  HAVE_BROWSER,
  launchBrowser,
  newPage,
  PHONE,
  ROOT,
  shot,
  startServer,
  type Server,
} from './harness.js';
import { Api } from './flows.js';
import { startMailbox, startSmsGateway } from '../residents/sms-gateway.js';

const run = promisify(execFile);
// A 1×1 PNG: every tile the local tile server answers.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z/C/HgAGgwJ/lK3Q6wAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!HAVE_BROWSER)('the residents’ side in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let api: Api;
  let gw: Awaited<ReturnType<typeof startSmsGateway>>;
  let mail: Awaited<ReturnType<typeof startMailbox>>;
  let tiles: http.Server;
  let tileHits = 0;
  const env = () => ({
    QINGDAN_WEBHOOK_URL: gw.url,
    QINGDAN_WEBHOOK_SECRET: 'x'.repeat(32),
    SMTP_URL: mail.url,
  });
  const runJob = (name: string) =>
    run(process.execPath, [path.join(ROOT, 'bin', 'qingdan.mjs'), 'jobs', 'run', name], {
      cwd: ROOT,
      env: { ...process.env, ...env(), QINGDAN_DATA_DIR: server.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });

  beforeAll(async () => {
    gw = await startSmsGateway();
    mail = await startMailbox();
    tiles = http.createServer((_req, res) => {
      tileHits++;
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r));
    const tilePort = (tiles.address() as AddressInfo).port;
    await ensureWeb();
    [server, browser] = await Promise.all([
      startServer({ ...env(), QINGDAN_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png` }),
      launchBrowser(),
    ]);
    api = new Api(server.url);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await gw?.close();
    await mail?.close();
    tiles?.close();
  });

  async function signIn(page: Page, phone: string) {
    await page.goto('/me/signin');
    await page.getByTestId('res-phone').fill(phone);
    await page.getByTestId('res-send').click();
    await expect.poll(() => page.getByTestId('res-sent').textContent()).toContain('****');
    await expect.poll(() => gw.lastCode(phone)).toMatch(/^\d{6}$/);
    await page.getByTestId('res-code').fill(gw.lastCode(phone)!);
    await page.getByTestId('res-signin').click();
    await page.getByTestId('res-reports').waitFor({ state: 'attached' });
  }

  it('signs a resident in by SMS code, follows the report to "please verify" and verifies it', async () => {
    const follower = await newPage(browser, server.url, PHONE);
    await signIn(follower.page, '13800000222');
    const areas = (await api.call('GET', '/api/v1/areas')) as { items: { id: number; code: string }[] };
    const shashi = areas.items.find((a) => a.code === 'jz-ss')!.id;
    await follower.page.evaluate(async (areaId) => {
      await fetch('/api/v1/residents/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'follower@example.com', notifyBy: 'email' }),
      });
      await fetch('/api/v1/residents/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ areaId, mode: 'daily' }),
      });
    }, shashi);

    const { page, errors } = await newPage(browser, server.url, PHONE);
    await signIn(page, '13800000111');
    await shot(page, 'residents-mine-empty');
    // E-mail for updates: SMS would wait out the quiet hours (22:00–08:00 in the city) when run at night.
    await page.evaluate(() =>
      fetch('/api/v1/residents/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'zhao@example.com', notifyBy: 'email' }),
      }),
    );
    const located = await page.evaluate(async () => (await fetch('/api/v1/map/locate?lat=30.36&lng=112.3')).json());
    expect(located.area.name).toBe('沙市区');
    const code = await page.evaluate(async (areaId) => {
      const r = await fetch('/api/v1/problems', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: '江津路井盖破损',
          description: '江津路与北京路路口井盖破损，夜间危险',
          areaId,
          lat: 30.36,
          lng: 112.3,
          reporter: { name: '赵先生', phone: '13800000111' },
        }),
      });
      return (await r.json()).problem.code as string;
    }, located.area.id);
    await page.reload();
    await page.getByTestId(`res-report-${code}`).waitFor();
    expect(await page.getByTestId(`res-report-${code}`).textContent()).toContain('等待受理中心审核');

    const urban = await api.departmentId('urban');
    await api.call('POST', `/api/v1/problems/${code}/actions/assign`, { leadDepartmentId: urban }, 'shouli');
    await api.call('POST', `/api/v1/problems/${code}/actions/sign`, {}, 'chengguan');
    await api.call('POST', `/api/v1/problems/${code}/actions/rectify`, { evidence: '已更换井盖' }, 'chengguan');
    await runJob('notifications');
    const toZhao = mail.mails.filter((m) => m.to.includes('zhao@example.com'));
    expect(toZhao.some((m) => m.raw.includes(code))).toBe(true);

    await page.reload();
    await page.getByTestId('res-verify').click();
    await page.waitForURL(`**/problems/${code}`);
    await shot(page, 'residents-verify');
    const verified = await page.evaluate(async (c) => {
      const r = await fetch(`/api/v1/problems/${c}/actions/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ result: 'satisfied', comment: '修得很快' }),
      });
      return r.status;
    }, code);
    expect(verified).toBe(200);

    await runJob('resident-digest');
    await runJob('notifications');
    expect(mail.mails.some((m) => m.to.includes('follower@example.com') && m.raw.includes(code))).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it('draws the map with clusters, a heat map and tiles, and boundaries without the tile server', async () => {
    for (const size of [DESKTOP, PHONE]) {
      const { page, errors } = await newPage(browser, server.url, size);
      await page.goto('/map');
      await page.getByTestId('map-total').waitFor();
      expect(await page.getByTestId('map-area').count()).toBe(5);
      expect(await page.locator('[data-testid="map-cluster"], [data-testid="map-pin"]').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('image[data-loaded="1"]').count()).toBeGreaterThan(0);
      await shot(page, 'residents-map');
      await page.getByTestId('map-heat').click();
      expect(await page.getByTestId('map-heat-dot').count()).toBeGreaterThan(0);
      await shot(page, 'residents-map-heat');
      await page.goto('/me/signin');
      await page.getByTestId('res-phone').waitFor();
      await shot(page, 'residents-signin');
      expect(errors).toEqual([]);
      await page.context().close();
    }
    expect(tileHits).toBeGreaterThan(0);
    await new Promise<void>((r) => tiles.close(() => r()));
    const { page } = await newPage(browser, server.url, PHONE);
    await page.goto('/map');
    await page.getByTestId('map-total').waitFor();
    expect(await page.getByTestId('map-area').count()).toBe(5);
    await expect.poll(() => page.locator('image[visibility="hidden"]').count()).toBeGreaterThan(0);
    await shot(page, 'residents-map-offline');
  }, 120_000);
});
