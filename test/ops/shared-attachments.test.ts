import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDb } from '../../src/db/database.js';
import { CHUNK, databaseBlobStore } from '../../src/attachments/blob-store.js';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { JPEG, multipart } from '../hardening/uploads.js';

/**
 * Issue #17 point 1: with QINGDAN_ATTACHMENTS=database a photo uploaded on one instance is served by
 * another that shares only the database (its own data directory, its own pool), byte for byte.
 */
describe.each(await dialects())('attachments in the database (%s)', (dialect) => {
  let t: TestApp;
  let other: FastifyInstance;
  let otherDir: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { attachments: 'database' });
    otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-other-'));
    const { db } = createDb({ databaseUrl: t.tdb.databaseUrl, dataDir: otherDir, sqliteFile: t.tdb.sqliteFile });
    other = await buildApp(
      { ...t.config, dataDir: otherDir },
      { db, clock: t.clock.now, logger: false, closeDb: true },
    );
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('serves on the second instance the photo uploaded on the first', async () => {
    const { code, token } = await reportProblem(t);
    const body = multipart('photo.jpg', JPEG);
    const up = await t.as(null, {
      method: 'POST',
      url: `/api/v1/problems/${code}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, 'x-tracking-token': token },
    });
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json().attachment;
    const mine = await t.as(null, { method: 'GET', url: `/api/v1/attachments/${id}?token=${token}` });
    const theirs = await other.inject({ method: 'GET', url: `/api/v1/attachments/${id}?token=${token}` });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.headers['content-type']).toBe('image/jpeg');
    expect(theirs.rawPayload.equals(mine.rawPayload)).toBe(true);
    expect(theirs.rawPayload.length).toBeGreaterThan(0);
    // Nothing was left on either instance's disk but the upload scratch space.
    const files = fs.readdirSync(path.join(t.tdb.dataDir, 'attachments'), { recursive: true });
    expect(files.filter((f) => !String(f).startsWith('.upload-'))).toEqual([]);
  });

  it('keeps a file of several chunks whole, and forgets a removed one', async () => {
    const store = databaseBlobStore(t.tdb.db);
    const bytes = crypto.randomBytes(CHUNK * 2 + 1234);
    const file = path.join(otherDir, 'big.bin');
    fs.writeFileSync(file, bytes);
    await store.put('2026/big.bin', file);
    expect(fs.existsSync(file)).toBe(false);
    const parts: Buffer[] = [];
    for await (const part of await store.open('2026/big.bin')) parts.push(part as Buffer);
    expect(parts.length).toBe(3);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    await store.remove('2026/big.bin');
    await expect(store.open('2026/big.bin')).rejects.toMatchObject({ code: 'not_found' });
  });
});
