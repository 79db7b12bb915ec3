import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { rawGet, rawRequest } from './raw-http.js';

/**
 * Issue #16, finding 15: a URL with raw (unencoded) UTF-8 or control bytes is refused by Node's
 * HTTP parser before any route runs, and the answer was Fastify's default body
 * ({"error":"Bad Request","statusCode":400}), not the project's format. No database is involved.
 */
describe('requests Node refuses before routing', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    '/api/v1/problems/问题',
    '/api/v1/problems?q=路灯',
    '/问题',
    '/api/v1/problems/a\x01b',
    '/api/v1/problems/%E9%97',
  ])('GET %j answers 400 in the project error format', async (path) => {
    const res = await rawGet(port, path);
    expect(res.status, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'bad_request', message: expect.any(String) } });
    expect(res.headers).toMatch(/content-type: application\/json/i);
  });

  it('a header block too large answers in the project format too', async () => {
    const res = await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(res.body).error.code).toMatch(/^(payload_too_large|bad_request)$/);
  });

  it('keeps serving afterwards', async () => {
    expect((await rawGet(port, '/api/health')).status).toBe(200);
  });
});
