import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, restoredSiteConfig, type TestApp } from '../helpers/test-app.js';
import { backupDatabase, restoreDatabase } from '../../src/backup/backup.js';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { buildApp } from '../../src/app.js';
import { JPEG, multipart } from './uploads.js';

/**
 * A backup taken while items are being written restores into an empty database with an intact
 * audit chain, every item with its events, and the attachments; a non-empty target is refused.
 */
const DIALECTS = (await dialects()).filter(
  (d) => d === 'sqlite' || spawnSync(process.env.PG_DUMP ?? 'pg_dump', ['--version']).status === 0,
);

describe.each(DIALECTS)('backup during writes, restore into an empty database (%s)', (dialect) => {
  let t: TestApp;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-backup-'));
  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1_000_000 });
    target = await createTestDatabase(dialect); // migrated, no rows: what `qingdan migrate` leaves
  });
  afterAll(async () => {
    await t.close();
    await target.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a consistent copy taken while the server writes', async () => {
    const { code } = await reportProblem(t);
    const photo = await t.as('admin', {
      method: 'POST',
      url: `/api/v1/problems/${code}/attachments`,
      ...multipart('现场.jpg', JPEG),
    });
    expect(photo.statusCode).toBe(201);
    // The photo as stored (re-encoded on upload), which the restored copy must serve byte for byte.
    const stored = (await t.as('admin', { method: 'GET', url: `/api/v1/attachments/${photo.json().attachment.id}` }))
      .rawPayload;
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const item = await reportProblem(t);
        await act(t, 'shouli', item.code, 'assign', { leadDepartmentId: t.ids.departments.urban });
        await act(t, 'chengguan', item.code, 'sign');
        written++;
      }
    })();
    while (written < 3) await new Promise((r) => setTimeout(r, 5));
    const file = path.join(dir, `backup-${dialect}.db`);
    const made = await backupDatabase(t.config, file);
    const during = written;
    while (written < during + 3) await new Promise((r) => setTimeout(r, 5));
    writing = false;
    await writer;
    if (dialect === 'sqlite') expect(made).toMatchObject({ chainOk: true, attachments: 1 });

    const config = restoredSiteConfig(target, t.config);
    const restored = await restoreDatabase(config, file);
    expect(restored.chainOk).toBe(true);
    expect(restored.attachments).toBe(1);
    const count = async (db: typeof t.tdb.db, table: 'problems' | 'events') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [liveItems, restoredItems] = [await count(t.tdb.db, 'problems'), await count(target.db, 'problems')];
    expect(restoredItems).toBeGreaterThan(3);
    expect(restoredItems).toBeLessThan(liveItems); // the copy is of a moment during the writes
    // Every restored item has its whole history up to that moment: the chain ends at the head.
    expect((await verifyChain(target.db)).ok).toBe(true);
    const orphans = await target.db
      .selectFrom('problems')
      .select('code')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('events').select('events.id').whereRef('events.problem_id', '=', 'problems.id')),
        ),
      )
      .execute();
    expect(orphans).toEqual([]);

    // The restored database serves the items and their photos, and accepts new work.
    const app = await buildApp(config, { db: target.db, logger: false });
    try {
      const admin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'qingdan2026' },
      });
      const cookie = `qd_session=${admin.cookies.find((c) => c.name === 'qd_session')!.value}`;
      const file = await app.inject({
        method: 'GET',
        url: `/api/v1/attachments/${photo.json().attachment.id}`,
        headers: { cookie },
      });
      expect(file.rawPayload.equals(stored)).toBe(true);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/problems',
        payload: { title: '恢复后提交', description: '恢复后的数据库继续受理' },
      });
      expect(created.statusCode).toBe(201);
    } finally {
      await app.close();
    }
    expect((await verifyChain(target.db)).ok).toBe(true);
  }, 90_000); // ~25 s alone on two cores; the writer loop shares them with the rest of a test run

  it('refuses to restore over a database that has data', async () => {
    const file = path.join(dir, `backup-${dialect}.db`);
    await expect(restoreDatabase(t.config, file)).rejects.toThrow(/not empty/);
  });
});
