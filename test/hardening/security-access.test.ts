import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { ROOT } from '../../bench/lib/server-process.js';
import { JPEG, multipart } from './uploads.js';

/** Uploads, file names, who may read what, security headers, rate limits. */
const DIALECTS = await dialects();

const FILES: Record<string, Buffer> = {
  'windows executable': Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    Buffer.alloc(64),
  ]),
  'linux executable': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]),
  'html page': Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>'),
  'svg image': Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  'shell script': Buffer.from('#!/bin/sh\nrm -rf /\n'),
};

describe.each(DIALECTS)('uploads, access and headers (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.kernel.rateLimiter.reset();
  });
  const upload = (filename: string, content: Buffer) =>
    t.as('admin', { method: 'POST', url: `/api/v1/problems/${code}/attachments`, ...multipart(filename, content) });

  it.each(Object.keys(FILES))('refuses a %s renamed .jpg: the type is read from the content', async (kind) => {
    const res = await upload('photo.jpg', FILES[kind]);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('names a stored file after its content and keeps client paths out of names and disk', async () => {
    const names = [
      '../../../../etc/passwd.jpg',
      '..\\..\\windows\\evil.exe',
      'a\r\nSet-Cookie: hacked=1.jpg',
      '/absolute/现场照片.png',
      '.htaccess',
    ];
    const root = path.join(t.config.dataDir, 'attachments');
    for (const name of names) {
      const res = await upload(name, JPEG);
      expect(res.statusCode, name).toBe(201);
      const a = res.json().attachment;
      expect(a.filename).toMatch(/^[^/\\\r\n]+\.jpg$/);
      expect(a.mime).toBe('image/jpeg');
      const row = await t.tdb.db
        .selectFrom('attachments')
        .select('storage_key')
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.storage_key).toMatch(/^\d{4}\/[0-9a-f]{32}\.jpg$/);
      expect(fs.existsSync(path.join(root, row.storage_key))).toBe(true);
      const got = await t.as('admin', { method: 'GET', url: `/api/v1/attachments/${a.id}` });
      expect(got.statusCode).toBe(200);
      expect(got.headers['set-cookie']).toBeUndefined();
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      // Photos are stored re-encoded (finding 12): what is served is what is on disk, a JPEG.
      expect(got.rawPayload.equals(fs.readFileSync(path.join(root, row.storage_key)))).toBe(true);
      expect([...got.rawPayload.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
    expect(fs.existsSync(path.join(t.config.dataDir, '..', 'passwd.jpg'))).toBe(false);
    for (const url of [
      '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd',
      '/api/v1/attachments/1%2F..%2F..%2Fqingdan.sqlite',
      '/api/v1/attachments/..',
    ]) {
      const res = await t.as('admin', { method: 'GET', url });
      expect([400, 404], url).toContain(res.statusCode);
      expect(res.json().error).toBeDefined();
    }
  });

  it('serves documents as downloads, never inline', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40, 32)]);
    const id = (await upload('报告.pdf', pdf)).json().attachment.id;
    const res = await t.as('admin', { method: 'GET', url: `/api/v1/attachments/${id}` });
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it("keeps one department's private items from another department that guesses codes", async () => {
    const secret = await reportProblem(t, { title: '内部问题 甲', isPublic: false });
    await act(t, 'shouli', secret.code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    const fresh = await reportProblem(t, { title: '刚提交 乙' }); // submitted: not public yet, no department
    const own = await reportProblem(t, { title: '教育局的 丙', isPublic: false });
    await act(t, 'shouli', own.code, 'assign', { leadDepartmentId: t.ids.departments.edu });
    const jpg = (
      await t.as('chengguan', {
        method: 'POST',
        url: `/api/v1/problems/${secret.code}/attachments`,
        ...multipart('a.jpg', JPEG),
      })
    ).json().attachment.id;
    for (const target of [secret.code, fresh.code]) {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/problems/${target}`],
        ['GET', `/api/v1/problems/${target}/timeline`],
        ['POST', `/api/v1/problems/${target}/actions/note`, { text: '偷看' }],
        ['POST', `/api/v1/problems/${target}/actions/progress`, { text: 'x', percent: 5 }],
        ['POST', `/api/v1/problems/${target}/actions/sign`, {}],
        ['POST', `/api/v1/problems/${target}/attachments`],
      ] as Array<[string, string, object?]>) {
        const res = await t.as('jiaoyu', {
          method: method as 'GET',
          url,
          payload: payload as object,
          ...(url.endsWith('attachments') ? multipart('x.jpg', JPEG) : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect((await t.as('jiaoyu', { method: 'GET', url: `/api/v1/attachments/${jpg}` })).statusCode).toBe(404);
    // Guessing every code in the sequence reveals only what the department may see anyway.
    const codes = await t.tdb.db
      .selectFrom('problems')
      .select(['code', 'is_public', 'status', 'lead_department_id'])
      .execute();
    for (const p of codes) {
      const res = await t.as('jiaoyu', { method: 'GET', url: `/api/v1/problems/${p.code}` });
      const visible =
        p.lead_department_id === t.ids.departments.edu ||
        (p.is_public === 1 && p.status !== 'submitted' && p.status !== 'rejected' && p.status !== 'merged');
      expect(res.statusCode, p.code).toBe(visible ? 200 : 404);
    }
    const missing = await t.as('jiaoyu', { method: 'GET', url: '/api/v1/problems/JZ-2026-999999' });
    const hidden = await t.as('jiaoyu', { method: 'GET', url: `/api/v1/problems/${secret.code}` });
    expect(hidden.json().error.code).toBe(missing.json().error.code); // no oracle for which codes exist
    const list = await t.as('jiaoyu', {
      method: 'GET',
      url: `/api/v1/problems?departmentId=${t.ids.departments.urban}&limit=100`,
    });
    expect(list.body).not.toContain(secret.code);
    const search = await t.as('jiaoyu', {
      method: 'GET',
      url: `/api/v1/problems?q=${encodeURIComponent('内部问题')}&limit=100`,
    });
    expect(search.body).not.toContain(secret.code);
    expect((await t.as('jiaoyu', { method: 'GET', url: `/api/v1/problems/${own.code}` })).statusCode).toBe(200);
  });

  it('sends the security headers on pages, data and errors', async () => {
    for (const url of [
      '/api/v1/areas',
      '/api/v1/problems/NOPE',
      '/api/v1/problems?limit=1000',
      `/api/v1/problems/${'x'.repeat(300)}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      if (res.statusCode < 400 || url.includes('NOPE')) {
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp).toContain("default-src 'self'");
        expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline scripts, no eval
        expect(csp).toContain("object-src 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
      }
    }
  });

  it('serves a UI that runs under that policy: no inline scripts, handlers or eval', () => {
    for (const file of ['web/index.html', 'web/dist/index.html']) {
      const f = path.join(ROOT, file);
      if (!fs.existsSync(f)) continue;
      const html = fs.readFileSync(f, 'utf8');
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [], file).toEqual([]);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
    const assets = path.join(ROOT, 'web/dist/assets');
    for (const js of fs.existsSync(assets) ? fs.readdirSync(assets).filter((n) => n.endsWith('.js')) : []) {
      expect(fs.readFileSync(path.join(assets, js), 'utf8'), js).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});
