/** Steps the browser stories share: signing in, picking options by text, and API set-up shortcuts. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD } from './harness.js';

/** A real 2×2 PNG, so uploads pass the server's content sniffing. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM/////w8AH+4F+7C4l8kAAAAASUVORK5CYII=',
  'base64',
);
export const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/admin\//);
  await page.getByTestId('current-user').waitFor();
}

/** Choose the option of a <select> whose text contains `text` (tree options are indented). */
export async function selectByText(page: Page, testId: string, text: string): Promise<string> {
  const select = page.getByTestId(testId);
  await expect.poll(() => select.locator('option', { hasText: text }).count()).toBeGreaterThan(0);
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
  return value!;
}

/** Today's month where the city is, as the server's monthly figures count it. */
export const cityMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/** Set-up through the public API, for steps a test is not about. */
export class Api {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: unknown, who?: string, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers, origin: this.base };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (who) h.cookie = await this.login(who);
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${who ?? 'public'}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  private async login(username: string): Promise<string> {
    const cached = this.cookies.get(username);
    if (cached) return cached;
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    this.cookies.set(username, cookie);
    return cookie;
  }

  async report(body: Record<string, unknown> = {}) {
    const r = await this.call('POST', '/api/v1/problems', {
      title: '测试问题',
      description: '浏览器测试准备的数据',
      ...body,
    });
    return { code: r.problem.code as string, token: r.trackingToken as string };
  }

  act(who: string | null, code: string, action: string, body: Record<string, unknown> = {}, token?: string) {
    return this.call(
      'POST',
      `/api/v1/problems/${code}/actions/${action}`,
      body,
      who ?? undefined,
      token ? { 'x-tracking-token': token } : {},
    );
  }

  /** Adds the test PNG to an item as staff (who) or as its reporter (token). */
  async upload(code: string, who: string | null, token?: string, name = 'photo.png') {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), name);
    const headers: Record<string, string> = { origin: this.base };
    if (who) headers.cookie = await this.login(who);
    if (token) headers['x-tracking-token'] = token;
    const res = await fetch(`${this.base}/api/v1/problems/${code}/attachments`, {
      method: 'POST',
      headers,
      body: form,
    });
    if (!res.ok) throw new Error(`upload to ${code}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async departmentId(code: string): Promise<number> {
    const r = await this.call('GET', '/api/v1/departments');
    return r.items.find((d: { code: string }) => d.code === code).id;
  }
}

/**
 * The acceptance inbox lists the oldest reports first, a page at a time; a report the test just
 * made is on the first page of the newest-first order.
 */
export async function newestFirstInInbox(page: Page): Promise<void> {
  await page.getByTestId('inbox-sort').waitFor();
  await page.getByTestId('inbox-sort').selectOption('created_desc');
}
