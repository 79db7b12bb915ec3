import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { JPEG, multipart } from './uploads.js';

/**
 * Issue #16, finding 12 (files): uploads were typed by their first bytes and stored as sent, so a
 * JPEG header in front of HTML, a GIF that is also a script, a 16-byte "WebP" and a PDF that runs
 * JavaScript were all accepted. Photos are now decoded and re-encoded (sharp): fakes are refused,
 * and what is stored has nothing appended and no metadata. A PDF with a script action is refused.
 */
const DIALECTS = await dialects();
const HTML = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>');
const FAKE_JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);

function pdf(catalogExtra: string, objects: string[] = []): Buffer {
  const body = [
    '%PDF-1.4',
    `1 0 obj << /Type /Catalog /Pages 2 0 R ${catalogExtra} >> endobj`,
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    ...objects,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}
function objectStream(content: string): string {
  const packed = zlib.deflateSync(Buffer.from(content, 'latin1')).toString('latin1');
  const dict = `/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length}`;
  return `3 0 obj << ${dict} >>\nstream\n${packed}\nendstream endobj`;
}

let files: Record<string, Buffer>;
beforeAll(async () => {
  const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#2a7' } })
    .gif()
    .toBuffer();
  const exif = await sharp(JPEG)
    .withExif({ IFD0: { Artist: 'SECRET-ARTIST', ImageDescription: 'home of the reporter' } })
    .jpeg()
    .toBuffer();
  files = {
    fakeJpeg: Buffer.concat([FAKE_JPEG_HEAD, HTML]),
    gifScript: Buffer.from('GIF89a/*\x00\x00\x00\x00*/=1;alert(1)//<html><script>alert(2)</script>', 'latin1'),
    webp16: Buffer.from('RIFF\x08\x00\x00\x00WEBPVP8 ', 'latin1'),
    pdfJs: pdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
    pdfHexName: pdf('/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>'),
    pdfHidden: pdf('', [objectStream('4 0 << /S /JavaScript /JS (app.alert(1)) >>')]),
    jpegHtml: Buffer.concat([JPEG, HTML]),
    gifHtml: Buffer.concat([gif, HTML]),
    jpegExif: exif,
    pdfClean: pdf(''),
  };
  expect(files.webp16.length).toBe(16);
  expect(files.jpegExif.includes('SECRET-ARTIST')).toBe(true);
});

describe.each(DIALECTS)('polyglot uploads (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  const upload = (name: string, data: Buffer) =>
    t.as('shouli', { method: 'POST', url: `/api/v1/problems/${code}/attachments`, ...multipart(name, data) });
  const stored = async () =>
    Number(
      (
        await t.tdb.db
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const filesOnDisk = () =>
    fs
      .readdirSync(path.join(t.config.dataDir, 'attachments'), { recursive: true })
      .filter((f) => String(f).includes('.'));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses bytes that only begin like an image, and PDFs that run script', async () => {
    for (const [name, file] of [
      ['photo.jpg', 'fakeJpeg'],
      ['anim.gif', 'gifScript'],
      ['tiny.webp', 'webp16'],
      ['form.pdf', 'pdfJs'],
      ['form2.pdf', 'pdfHexName'],
      ['form3.pdf', 'pdfHidden'],
    ]) {
      const before = await stored();
      const res = await upload(name, files[file]);
      expect(res.statusCode, `${file}: ${res.body}`).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
      expect(await stored()).toBe(before);
    }
    // Nothing refused is left behind, not even a temporary file.
    expect(fs.readdirSync(path.join(t.config.dataDir, 'attachments')).filter((f) => f.startsWith('.upload-'))).toEqual(
      [],
    );
  });

  it('stores a real image re-encoded: nothing appended, no metadata', async () => {
    for (const [name, file, format] of [
      ['a.jpg', 'jpegHtml', 'jpeg'],
      ['b.gif', 'gifHtml', 'gif'],
      ['c.jpg', 'jpegExif', 'jpeg'],
    ] as const) {
      const res = await upload(name, files[file]);
      expect(res.statusCode, res.body).toBe(201);
      const got = await t.as('shouli', { method: 'GET', url: res.json().attachment.url });
      const bytes = got.rawPayload;
      expect(bytes.equals(files[file])).toBe(false);
      expect(bytes.includes('<script')).toBe(false);
      expect(bytes.includes('SECRET-ARTIST')).toBe(false);
      expect(Number(got.headers['content-length'])).toBe(bytes.length);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe(format);
      expect(meta.exif).toBeUndefined();
    }
    expect(filesOnDisk().length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a PDF without script as sent', async () => {
    const res = await upload('plan.pdf', files.pdfClean);
    expect(res.statusCode, res.body).toBe(201);
    const got = await t.as('shouli', { method: 'GET', url: res.json().attachment.url });
    expect(got.rawPayload.equals(files.pdfClean)).toBe(true);
  });
});
