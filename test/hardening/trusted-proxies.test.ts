import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Per-address limits key on the client's address. Behind a reverse proxy that address comes from
 * `X-Forwarded-For`, but only a proxy on the configured list may say so: a client talking to the
 * server directly must not be able to pick a fresh address per request and escape the limit.
 */
describe('trusted proxies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { trustProxy: ['10.0.0.0/8'], publicSubmitPerMinute: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  const submit = (remoteAddress: string, forwardedFor: string, i: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/problems',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { title: `代理测试 ${i}`, description: '经反向代理提交' },
    });

  it('believes X-Forwarded-For from a listed proxy: each client has its own limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await submit('10.1.2.3', `203.0.113.${i + 1}`, i)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
  });

  it('ignores X-Forwarded-For from anyone else: the caller is limited by its own address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit('198.51.100.7', `203.0.113.${i + 50}`, i)).statusCode);
    expect(statuses).toEqual([201, 201, 429, 429]);
  });
});
