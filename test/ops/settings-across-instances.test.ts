import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDb } from '../../src/db/database.js';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue #17 point 6: time limits saved on one instance give the same deadline on another at once
 * (the version row, src/ops/settings-watch.ts), not after the next scheduler tick.
 */
describe.each(await dialects())('settings caches across instances (%s)', (dialect) => {
  let t: TestApp;
  let other: FastifyInstance;
  let otherDir: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-other-'));
    const { db } = createDb({ databaseUrl: t.tdb.databaseUrl, dataDir: otherDir, sqliteFile: t.tdb.sqliteFile });
    other = await buildApp(
      { ...t.config, dataDir: otherDir },
      { db, clock: t.clock.now, logger: false, closeDb: true },
    );
    await other.ready();
    t.clock.set('2026-11-02T02:00:00Z');
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  /** An item reported and assigned on the other instance: the deadline it computes. */
  async function deadlineOnOther(): Promise<string> {
    const reported = await other.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: {
        title: '道路坑洼需要修补',
        description: '长江路与北京路路口有一个大坑',
        categoryId: t.ids.categories.roads,
        areaId: t.ids.areas['jz-ss'],
      },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const assigned = await other.inject({
      method: 'POST',
      url: `/api/v1/problems/${reported.json().problem.code}/actions/assign`,
      payload: { leadDepartmentId: t.ids.departments.urban },
      headers: { cookie: await t.login('shouli') },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    return assigned.json().problem.deadline;
  }

  it('computes a deadline on one instance from time limits saved on the other a moment before', async () => {
    expect(await deadlineOnOther()).toBe('2026-11-09');
    const put = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/supervision/time-limits',
      payload: { tiers: { simple: { amount: 3, unit: 'working_days' } } },
    });
    expect(put.statusCode).toBe(200);
    expect(await deadlineOnOther()).toBe('2026-11-05');
    await t.as('admin', { method: 'PUT', url: '/api/v1/supervision/time-limits', payload: {} });
    expect(await deadlineOnOther()).toBe('2026-11-09');
  });
});
