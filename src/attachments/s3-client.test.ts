import { afterEach, describe, expect, it, vi } from 'vitest';
import { s3Client, type S3Settings } from './s3-client.js';

const settings: S3Settings = {
  endpoint: 'https://s3.cn-north-1.amazonaws.com.cn',
  bucket: 'qingdan-city',
  region: 'cn-north-1',
  accessKeyId: 'AKID',
  secretAccessKey: 'secret',
  forcePathStyle: false,
};

/** Where requests go, seen through a stand-in fetch (s3rver serves path-style only from 127.0.0.1). */
describe('S3 request addresses', () => {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  const fetchOnce = (status: number, body = '') =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        seen.push({ url: String(url), headers: init.headers as Record<string, string> });
        return new Response(status === 204 ? null : body, { status });
      }),
    );
  afterEach(() => {
    vi.unstubAllGlobals();
    seen.length = 0;
  });

  it('puts the bucket in the host name unless path-style is asked for', async () => {
    fetchOnce(204);
    await s3Client(settings).remove('2026/a b.jpg');
    expect(seen[0].url).toBe('https://qingdan-city.s3.cn-north-1.amazonaws.com.cn/2026/a%20b.jpg');
    expect(seen[0].headers.host).toBe('qingdan-city.s3.cn-north-1.amazonaws.com.cn');
    expect(seen[0].headers.authorization).toContain('/cn-north-1/s3/aws4_request,');
    fetchOnce(204);
    await s3Client({ ...settings, endpoint: 'http://gw.internal:8080/storage', forcePathStyle: true }).remove('k.png');
    expect(seen[1].url).toBe('http://gw.internal:8080/storage/qingdan-city/k.png');
  });

  it('sends a request the network dropped once more, then gives up', async () => {
    let calls = 0;
    const dropFirst = vi.fn(async () => {
      if (++calls === 1) throw new TypeError('fetch failed', { cause: new Error('other side closed') });
      return new Response(null, { status: 204 });
    });
    vi.stubGlobal('fetch', dropFirst);
    await s3Client(settings).remove('k.png');
    expect(calls).toBe(2);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      }),
    );
    await expect(s3Client(settings).remove('k.png')).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('names the refusal S3 gave, and never the secret', async () => {
    fetchOnce(403, '<Error><Code>AccessDenied</Code><Message>no</Message></Error>');
    const err = await s3Client(settings)
      .get('2026/x.jpg')
      .catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'unavailable', message: expect.stringContaining('AccessDenied (HTTP 403)') });
    expect(JSON.stringify(err)).not.toContain('secret');
  });
});
