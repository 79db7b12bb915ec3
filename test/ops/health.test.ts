import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { parsePrometheus, sampleValue } from './prometheus-text.js';

/**
 * Probes, metrics and request ids on the real app: readiness follows the migrations, /metrics is
 * Prometheus text that counts this app's requests by route, and every answer carries a request id.
 */
describe.each(await dialects())('ops endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('answers /livez, /readyz, /healthz and /api/health as JSON, not the web page', async () => {
    for (const url of ['/livez', '/readyz', '/healthz', '/api/health']) {
      const res = await t.as(null, { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().ok).toBe(true);
    }
    const ready = (await t.as(null, { method: 'GET', url: '/readyz' })).json();
    expect(ready.checks).toEqual({ database: 'ok', migrations: 'ok' });
  });

  it('is not ready while a migration of this release is missing, and ready again once it is back', async () => {
    const last = await t.tdb.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    const row = last as { name: string; timestamp: string };
    await t.tdb.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', row.name as never)
      .execute();
    const res = await t.as(null, { method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.migrations).toBe(`pending: ${row.name}`);
    // Liveness does not depend on the database: a restart would not help.
    expect((await t.as(null, { method: 'GET', url: '/livez' })).statusCode).toBe(200);
    await t.tdb.db
      .insertInto('kysely_migration' as never)
      .values(row as never)
      .execute();
    expect((await t.as(null, { method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('serves Prometheus text with request durations by route pattern and the queues', async () => {
    const { code } = await reportProblem(t);
    await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}` });
    const res = await t.as(null, { method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types } = parsePrometheus(res.body);
    expect(types.qingdan_http_request_duration_seconds).toBe('histogram');
    const created = { name: 'qingdan_http_request_duration_seconds_count' };
    expect(sampleValue(samples, created.name, { method: 'POST', route: '/api/v1/problems', status_code: '201' })).toBe(
      1,
    );
    // The route's pattern, never the item's code: one series per route, whatever the URL.
    // (A submitted item is not public yet: the anonymous read is a 404, counted under its route.)
    expect(sampleValue(samples, created.name, { route: '/api/v1/problems/:code', status_code: '404' })).toBe(1);
    expect(samples.some((s) => s.labels.route?.includes(code))).toBe(false);
    expect(sampleValue(samples, 'qingdan_database_up')).toBe(1);
    expect(sampleValue(samples, 'qingdan_queue_depth', { queue: 'notifications' })).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'qingdan_warning_items', { level: 'red' })).toBe(0);
    const pool = sampleValue(samples, 'qingdan_db_pool_connections', { state: 'total' });
    if (dialect === 'postgres') expect(pool).toBeGreaterThan(0);
    else expect(pool).toBeUndefined();
  });

  it("keeps a caller's X-Request-Id and gives every other request a unique one", async () => {
    const kept = await t.as(null, { method: 'GET', url: '/livez', headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await t.as(null, { method: 'GET', url: '/api/v1/nowhere' });
      expect(res.statusCode).toBe(404);
      ids.add(String(res.headers['x-request-id']));
    }
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    // A header that would forge log lines is replaced, not echoed.
    const forged = await t.as(null, { method: 'GET', url: '/livez', headers: { 'x-request-id': 'a b\tc' } });
    expect(forged.headers['x-request-id']).not.toBe('a b\tc');
  });
});
