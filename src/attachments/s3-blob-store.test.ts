import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../../test/helpers/test-s3.js';
import { s3BlobStore } from './s3-blob-store.js';
import { s3Client } from './s3-client.js';

/** QINGDAN_ATTACHMENTS=s3 against a real S3-compatible server (s3rver) started here. */
describe('attachments in an S3 bucket', () => {
  let s3: TestS3;
  let dir: string;
  const file = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  const read = async (stream: AsyncIterable<unknown>) => {
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    return Buffer.concat(parts);
  };
  beforeAll(async () => {
    s3 = await startS3();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-s3-files-'));
  });
  afterAll(async () => {
    await s3?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a file byte for byte, then forgets it when removed', async () => {
    const store = s3BlobStore(s3.settings());
    const bytes = crypto.randomBytes(700 * 1024 + 3);
    const f = file('photo.jpg', bytes);
    await store.put('2026/abc123.jpg', f);
    expect(fs.existsSync(f)).toBe(false);
    expect((await read(await store.open('2026/abc123.jpg'))).equals(bytes)).toBe(true);
    await store.remove('2026/abc123.jpg');
    await expect(store.open('2026/abc123.jpg')).rejects.toMatchObject({ code: 'not_found' });
    await store.remove('2026/abc123.jpg'); // removing twice is no error
  });

  it('answers not_found for a key never stored', async () => {
    await expect(s3BlobStore(s3.settings()).open('2026/nothing.png')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is refused with a wrong secret, and the file is not left behind', async () => {
    const store = s3BlobStore(s3.settings({ secretAccessKey: 'not-the-secret' }));
    const f = file('x.png', Buffer.from('bytes'));
    await expect(store.put('2026/x.png', f)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('SignatureDoesNotMatch'),
    });
    expect(fs.existsSync(f)).toBe(false);
    await expect(store.open('2026/x.png')).rejects.toMatchObject({ code: 'unavailable' });
    const wrongId = s3BlobStore(s3.settings({ accessKeyId: 'NOBODY' }));
    await expect(wrongId.open('2026/x.png')).rejects.toMatchObject({
      message: expect.stringContaining('InvalidAccessKeyId'),
    });
  });

  it('says so when the bucket is missing or the server does not answer', async () => {
    const noBucket = s3BlobStore(s3.settings({ bucket: 'no-such-bucket' }));
    await expect(noBucket.put('2026/y.png', file('y.png', Buffer.from('y')))).rejects.toMatchObject({
      message: expect.stringContaining('NoSuchBucket'),
    });
    const gone = s3BlobStore(s3.settings({ endpoint: 'http://127.0.0.1:9' }));
    await expect(gone.open('2026/y.png')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('lists every key across pages of a listing', async () => {
    const client = s3Client(s3.settings());
    const keys = ['2025/a&b.png', '2026/one.jpg', '2026/two.pdf', '2026/three.webp', '2027/four.jpg'];
    for (const k of keys) await client.put(k, file('k.bin', Buffer.from(k)));
    const listed: string[] = [];
    for await (const k of client.list(2)) listed.push(k);
    expect(listed.sort()).toEqual([...keys].sort());
    for (const k of keys) await client.remove(k);
  });
});
