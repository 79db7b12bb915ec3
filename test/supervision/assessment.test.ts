import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { computeScorecard } from '../../src/assessment/scorecard.js';
import { rt } from './helpers.js';

const DIALECTS = await dialects();

/**
 * A hand-computed month for 城管 (urban), November 2026. Sign-for limit: 2 working hours.
 *   A assign 11-02 10:00, sign 11:00 (in time), rectify, verify satisfied, close 11-04
 *   B assign 11-02 10:00, sign 11-03 10:00 (late), rectify, verify basically satisfied, close 11-05
 *   C assign, sign in time, rectify, verify unsatisfied (a redo)
 *   D assign, returned unsigned
 *   E assign (deadline 11-05), sign in time, never rectified: overdue
 *   F deadline 11-05 extended (granted) to 11-12, rectified 11-10: on time
 *   G deadline 11-05, extension refused, rectified 11-10: overdue
 * received 7, signed in time 5 (A C E F G), returned 1, rectified 5, closed 2, overdue 2,
 * callbacks 3 of which solved 2 (A, B), ratings: satisfied 1, basically 1, unsatisfied 1.
 * response 5/7, resolution 2/3, satisfaction (1 + 0.9)/3,
 * composite = 100 × (0.1 × 5/7 + 0.5 × 2/3 + 0.4 × 1.9/3) = 65.81
 * mean working days to close = (2 + 3)/2 = 2.5
 */
describe.each(DIALECTS)('monthly assessment (%s)', (dialect) => {
  let t: TestApp;
  const codes: Record<string, string> = {};
  const step = async (
    iso: string,
    who: string | null,
    key: string,
    action: string,
    body: Record<string, unknown> = {},
  ) => {
    t.clock.set(iso);
    const res = await act(t, who, codes[key], action, body);
    if (res.statusCode !== 200) throw new Error(`${key} ${action}: ${res.body}`);
  };
  const ext = async (iso: string, key: string, decision: 'grant' | 'refuse') => {
    t.clock.set(iso);
    const asked = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${codes[key]}/extensions`,
      payload: { reason: '协调中', requestedDeadline: '2026-11-12' },
    });
    await t.as('ducha', {
      method: 'POST',
      url: `/api/v1/problems/${codes[key]}/extensions/${asked.json().id}/decision`,
      payload: { decision },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    t.clock.set('2026-11-02T01:00:00Z');
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) codes[k] = (await reportProblem(t)).code;
    const urban = t.ids.departments.urban;
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      await step('2026-11-02T02:00:00Z', 'shouli', k, 'assign', {
        leadDepartmentId: urban,
        deadline: ['E', 'F', 'G'].includes(k) ? '2026-11-05' : '2026-11-10',
      });
    }
    await step('2026-11-02T02:00:00Z', 'shouli', 'H', 'assign', {
      leadDepartmentId: t.ids.departments.edu,
      deadline: '2026-11-10',
    });
    for (const k of ['A', 'C', 'E', 'F', 'G']) await step('2026-11-02T03:00:00Z', 'chengguan', k, 'sign');
    await step('2026-11-02T03:00:00Z', 'jiaoyu', 'H', 'sign');
    await step('2026-11-02T02:30:00Z', 'chengguan', 'D', 'return', { reason: '不属于城管职责' });
    await step('2026-11-03T02:00:00Z', 'chengguan', 'B', 'sign');
    await step('2026-11-03T03:00:00Z', 'chengguan', 'A', 'rectify', { evidence: '已修复' });
    await step('2026-11-03T03:00:00Z', 'chengguan', 'C', 'rectify', { evidence: '已修复' });
    await step('2026-11-03T03:00:00Z', 'jiaoyu', 'H', 'rectify', { evidence: '已解决' });
    await step('2026-11-04T03:00:00Z', 'chengguan', 'B', 'rectify', { evidence: '已修复' });
    await step('2026-11-04T04:00:00Z', 'ducha', 'A', 'verify', { result: 'satisfied', method: 'callback' });
    await step('2026-11-04T04:00:00Z', 'ducha', 'C', 'verify', { result: 'unsatisfied', method: 'callback' });
    await step('2026-11-04T04:00:00Z', 'ducha', 'H', 'verify', { result: 'satisfied', method: 'callback' });
    await step('2026-11-04T05:00:00Z', 'ducha', 'A', 'close');
    await step('2026-11-04T05:00:00Z', 'ducha', 'H', 'close');
    await step('2026-11-05T04:00:00Z', 'ducha', 'B', 'verify', { result: 'basically_satisfied', method: 'callback' });
    await step('2026-11-05T05:00:00Z', 'ducha', 'B', 'close');
    await ext('2026-11-04T02:00:00Z', 'F', 'grant');
    await ext('2026-11-04T02:00:00Z', 'G', 'refuse');
    await step('2026-11-10T03:00:00Z', 'chengguan', 'F', 'rectify', { evidence: '已修复' });
    await step('2026-11-10T03:00:00Z', 'chengguan', 'G', 'rectify', { evidence: '已修复' });
    t.clock.set('2026-12-01T02:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes the three rates and the composite on the hand-computed fixture', async () => {
    const card = (await t.as('ducha', { method: 'GET', url: '/api/v1/assessment/scorecard?month=2026-11' })).json();
    expect(card.settled).toBe(false);
    const urban = card.departments.find((d: { id: number }) => d.id === t.ids.departments.urban);
    expect(urban).toMatchObject({
      received: 7,
      signedWithinLimit: 5,
      returned: 1,
      rectified: 5,
      closed: 2,
      overdue: 2,
      verifications: 3,
      redone: 1,
      rated: 3,
      meanWorkingDaysToClose: 2.5,
      responseRate: 0.7143,
      resolutionRate: 0.6667,
      satisfactionRate: 0.6333,
      onTimeRate: 1,
      returnRate: 0.1429,
      redoRate: 0.3333,
      composite: 65.81,
    });
    const area = card.areas.find((a: { id: number }) => a.id === t.ids.areas['jz-ss']);
    expect(area).toMatchObject({ received: 8, closed: 3, overdue: 2 });
    const city = card.areas.find((a: { id: number }) => a.id === t.ids.areas.jz);
    expect(city.received).toBe(8); // a city answers for its districts
  });

  it('ranks units by composite with the red and black lists (public)', async () => {
    const r = (await t.as(null, { method: 'GET', url: '/api/v1/assessment/rankings?month=2026-11' })).json();
    expect(r.settled).toBe(false);
    expect(r.departments.slice(0, 2).map((d: { name: string; rank: number }) => [d.name, d.rank])).toEqual([
      ['市教育局', 1],
      ['市城市管理执法委员会', 2],
    ]);
    // Nothing measured.
    expect(r.departments.find((d: { id: number }) => d.id === t.ids.departments.tax).rank).toBeNull();
    expect(r.redList.map((d: { name: string }) => d.name)).toEqual(['市教育局', '市城市管理执法委员会']);
    expect(r.blackList).toEqual([]);
    expect(r.areas.every((a: { level: string }) => a.level === 'district')).toBe(true);
  });

  it('freezes a settled month so later edits do not change it', async () => {
    expect(
      (
        await t.as('chengguan', {
          method: 'POST',
          url: '/api/v1/assessment/settlements',
          payload: { month: '2026-11' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.as('ducha', { method: 'POST', url: '/api/v1/assessment/settlements', payload: { month: '2026-12' } }))
        .statusCode,
    ).toBe(400);
    const settled = await t.as('ducha', {
      method: 'POST',
      url: '/api/v1/assessment/settlements',
      payload: { month: '2026-11' },
    });
    expect(settled.statusCode).toBe(201);
    expect(settled.json()).toMatchObject({ settled: true, settledBy: '督查室 李强' });
    expect(
      (await t.as('ducha', { method: 'POST', url: '/api/v1/assessment/settlements', payload: { month: '2026-11' } }))
        .statusCode,
    ).toBe(409);

    // A late entry dated inside November (C rectified again) changes the live figures …
    await step('2026-11-20T03:00:00Z', 'chengguan', 'C', 'rectify', { evidence: '返工完成' });
    t.clock.set('2026-12-01T02:00:00Z');
    const live = await computeScorecard(rt(t), '2026-11');
    expect(live.departments.find((d) => d.id === t.ids.departments.urban)!.rectified).toBe(6);
    // … but not the settled month.
    const card = (await t.as('ducha', { method: 'GET', url: '/api/v1/assessment/scorecard?month=2026-11' })).json();
    expect(card.settled).toBe(true);
    expect(card.departments.find((d: { id: number }) => d.id === t.ids.departments.urban).rectified).toBe(5);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/assessment/rankings?month=2026-11' })).json().settled).toBe(
      true,
    );
    expect(
      (await t.as('shuji', { method: 'GET', url: '/api/v1/assessment/settlements' }))
        .json()
        .items.map((s: { month: string }) => s.month),
    ).toEqual(['2026-11']);
  });
});
