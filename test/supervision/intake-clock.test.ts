/**
 * The acceptance inbox's clock (issue #18, fix 4): each new report's dispatch limit, and which
 * are past it, so the inbox can flag and count reports overdue for acceptance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { at } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('intake clock (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
  });
  afterAll(async () => {
    await t.close();
  });
  const clock = async (codes?: string[]) => {
    const url = `/api/v1/supervision/intake-clock${codes ? `?codes=${codes.join(',')}` : ''}`;
    const res = await t.as('shouli', { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('flags a report once its dispatch limit has passed, and forgets it once dispatched', async () => {
    at(t, '2026-11-02'); // Monday 10:00 in the city
    const old = (await reportProblem(t, { title: '老旧小区化粪池外溢' })).code;
    const fresh = await (async () => {
      at(t, '2026-11-05');
      return (await reportProblem(t, { title: '新报的路灯不亮' })).code;
    })();
    at(t, '2026-11-05', '03:00');
    const now = await clock([old, fresh]);
    const byCode = Object.fromEntries(now.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode[old].overdue).toBe(true);
    expect(byCode[fresh].overdue).toBe(false);
    expect(byCode[fresh].dispatchBy > '2026-11-05T03:00:00.000Z').toBe(true);
    expect(now).toMatchObject({ waiting: 2, overdue: 1 });
    // Without codes: every overdue report.
    expect((await clock()).items.map((i: { code: string }) => i.code)).toEqual([old]);

    const res = await act(t, 'shouli', old, 'assign', { leadDepartmentId: t.ids.departments.urban });
    expect(res.statusCode, res.body).toBe(200);
    expect(await clock()).toMatchObject({ waiting: 1, overdue: 0, items: [] });
  });

  it('is for the acceptance centre and oversight, not for units', async () => {
    const res = await t.as('chengguan', { method: 'GET', url: '/api/v1/supervision/intake-clock' });
    expect(res.statusCode).toBe(403);
  });
});
