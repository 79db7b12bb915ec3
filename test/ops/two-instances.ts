import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDb } from '../../src/db/database.js';
import { reportProblem, type TestApp } from '../helpers/test-app.js';
import { JPEG, multipart } from '../hardening/uploads.js';

export interface Instance {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/** Another app on t's database (its own pool) and t's settings, with a data directory of its own. */
export async function secondInstance(t: TestApp): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-other-'));
  const { db } = createDb({ databaseUrl: t.tdb.databaseUrl, dataDir, sqliteFile: t.tdb.sqliteFile });
  const app = await buildApp({ ...t.config, dataDir }, { db, clock: t.clock.now, logger: false, closeDb: true });
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A reporter's photo uploaded on t is served by `other` byte for byte as t serves it, and nothing
 * but upload scratch space stays on t's disk. Returns the attachment's id and the bytes served.
 */
export async function uploadOnOneServeOnOther(t: TestApp, other: Instance): Promise<{ id: number; bytes: Buffer }> {
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
  const theirs = await other.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}?token=${token}` });
  expect(theirs.statusCode, theirs.body).toBe(200);
  expect(theirs.headers['content-type']).toBe('image/jpeg');
  expect(theirs.rawPayload.length).toBeGreaterThan(0);
  expect(theirs.rawPayload.equals(mine.rawPayload)).toBe(true);
  const files = fs.readdirSync(path.join(t.tdb.dataDir, 'attachments'), { recursive: true });
  expect(files.filter((f) => !String(f).startsWith('.upload-'))).toEqual([]);
  return { id, bytes: theirs.rawPayload };
}
