/**
 * The built UI's assets (issue #18, fix 5): brotli or gzip when the browser takes it, a year's
 * immutable caching for content-hashed files under assets/, and index.html revalidated on every
 * visit, including when it answers for a client-side route. One database is enough: no storage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SCRIPT = `console.log(${JSON.stringify('清单'.repeat(800))});\n`;

describe('web assets', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const js = path.join(webDir, 'assets', 'index-AbC123.js');
    fs.writeFileSync(js, SCRIPT);
    fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(`${js}.gz`, zlib.gzipSync(SCRIPT));
    t = await createTestApp('sqlite', { webDir });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    ['br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => zlib.gunzipSync(b)],
  ] as const)('sends %s to a browser that accepts it, cached for a year', async (encoding, decode) => {
    const res = await t.as(null, {
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(decode(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the plain file to a client that takes no compression', async () => {
    const res = await t.as(null, { url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.payload).toBe(SCRIPT);
  });

  it.each(['/', '/problems/QD-1'])('revalidates index.html at %s', async (url) => {
    const res = await t.as(null, { url, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('id="root"');
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
