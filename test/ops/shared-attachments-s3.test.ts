import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { s3Client } from '../../src/attachments/s3-client.js';
import { backupDatabase, restoreDatabase } from '../../src/backup/backup.js';
import { createTestDatabase, dialects, type TestDatabase } from '../helpers/test-db.js';
import { createTestApp, loginAs, restoredSiteConfig, type TestApp } from '../helpers/test-app.js';
import { startS3, type TestS3 } from '../helpers/test-s3.js';
import { type Instance, secondInstance, uploadOnOneServeOnOther } from './two-instances.js';

const keys = async (s3: TestS3) => {
  const all: string[] = [];
  for await (const k of s3Client(s3.settings()).list()) all.push(k);
  return all;
};

/**
 * Issue #17 point 1 with QINGDAN_ATTACHMENTS=s3: a photo uploaded on one instance is served by
 * another that shares the database and the bucket but no disk; `qingdan backup` downloads the
 * bucket's objects and `qingdan restore` puts them into the bucket of the restored site.
 */
describe.each(await dialects())('attachments in an S3 bucket, two instances (%s)', (dialect) => {
  let s3: TestS3;
  let t: TestApp;
  let other: Instance;
  let photo: { id: number; bytes: Buffer };
  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp(dialect, { attachments: 's3', s3: s3.settings() });
    other = await secondInstance(t);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    await s3?.close();
  });

  it('serves on the second instance the photo uploaded on the first', async () => {
    photo = await uploadOnOneServeOnOther(t, other);
    expect(await keys(s3)).toHaveLength(1); // one object in the bucket
  });

  it('answers 404 for an attachment whose object is gone', async () => {
    const [key] = await keys(s3);
    const copy = path.join(other.dataDir, 'copy');
    fs.writeFileSync(copy, photo.bytes);
    await s3Client(s3.settings()).remove(key);
    const gone = await t.as('admin', { method: 'GET', url: `/api/v1/attachments/${photo.id}` });
    expect(gone.statusCode).toBe(404);
    await s3Client(s3.settings()).put(key, copy); // back for the backup below
  });

  const pgDump = dialect === 'sqlite' || fs.existsSync(process.env.PG_DUMP ?? '/usr/bin/pg_dump');
  it.runIf(pgDump)(
    'backs the objects up, and restores them into the bucket of a new site',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-s3-backup-'));
      const site = await startS3('restored');
      let target: TestDatabase | undefined;
      try {
        const file = path.join(dir, 'backup.db');
        const made = await backupDatabase(t.config, file, { verify: false });
        expect(made.attachments).toBe(1);
        const [key] = await keys(s3);
        expect(fs.readFileSync(path.join(`${file}.attachments`, key)).equals(photo.bytes)).toBe(true);

        target = await createTestDatabase(dialect);
        const config = restoredSiteConfig(target, t.config, site.env);
        expect(config.s3!.bucket).toBe('restored');
        expect((await restoreDatabase(config, file)).attachments).toBe(1);
        expect(await keys(site)).toEqual([key]);
        const app = await buildApp(config, { db: target.db, logger: false });
        try {
          const served = await app.inject({
            method: 'GET',
            url: `/api/v1/attachments/${photo.id}`,
            headers: { cookie: await loginAs(app, 'admin') },
          });
          expect(served.statusCode).toBe(200);
          expect(served.rawPayload.equals(photo.bytes)).toBe(true);
        } finally {
          await app.close();
        }
      } finally {
        await target?.destroy();
        await site.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
