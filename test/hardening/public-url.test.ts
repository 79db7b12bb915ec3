import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { parseConfig } from '../../src/config.js';

/**
 * Finding 13 of issue #16: Open311 discovery (and media_url) built links from the request's Host
 * header, so anyone could make the server hand out links to their own site. They now come from
 * QINGDAN_PUBLIC_URL.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('links in answers use the configured public URL (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { publicUrl: 'https://qingdan.jingzhou.gov.cn' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ignores the Host and X-Forwarded-Host headers in Open311 discovery', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/discovery.json',
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('evil.example');
    expect(res.json().endpoints[0].url).toBe('https://qingdan.jingzhou.gov.cn/open311/v2');
  });
});

describe('QINGDAN_PUBLIC_URL', () => {
  it('is read from the environment, defaults to the listen address and refuses a non-URL', () => {
    expect(parseConfig({ QINGDAN_PUBLIC_URL: 'https://a.example/' }).publicUrl).toBe('https://a.example');
    expect(parseConfig({ PORT: '8080', HOST: '0.0.0.0' }).publicUrl).toBe('http://0.0.0.0:8080');
    expect(() => parseConfig({ QINGDAN_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/QINGDAN_PUBLIC_URL/);
  });
});
