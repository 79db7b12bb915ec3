import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { at } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('working-day calendar and deadline defaults (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
  });
  afterAll(async () => {
    await t.close();
  });

  async function assignDeadline(categoryCode: string, urgency = 'normal') {
    const { code } = await reportProblem(t, { categoryId: t.ids.categories[categoryCode], urgency });
    const res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    expect(res.statusCode).toBe(200);
    return res.json().problem.deadline as string;
  }

  it('counts working days across the National Day holiday and its adjusted Saturday', async () => {
    at(t, '2026-09-30');
    // 10-01 … 10-07 off; 10-08 (1), 10-09 (2), Saturday 10-10 is a workday (3), 10-12 (4), 10-13 (5).
    expect(await assignDeadline('roads')).toBe('2026-10-13');
    expect(await assignDeadline('street-lights')).toBe('2026-10-08'); // fix at once: the next working day
    const res = await t.as(null, { method: 'GET', url: '/api/v1/calendar/working-days?from=2026-09-30&days=3' });
    expect(res.json()).toMatchObject({ date: '2026-10-10', isWorkingDay: true, calendarKnown: true });
    const between = await t.as(null, {
      method: 'GET',
      url: '/api/v1/calendar/working-days?from=2026-09-30&to=2026-10-13',
    });
    expect(between.json().workingDays).toBe(5);
  });

  it('lands a one-day limit on the Spring Festival adjusted workday', async () => {
    at(t, '2026-02-13');
    expect(await assignDeadline('street-lights')).toBe('2026-02-14');
    // A month limit from 01-23 ends 02-23, a holiday: it moves to the next working day.
    at(t, '2026-01-23');
    expect(await assignDeadline('school-places')).toBe('2026-02-24');
  });

  it("follows an administrator's calendar edit at once, and falls back when it is dropped", async () => {
    at(t, '2026-11-03');
    expect(await assignDeadline('street-lights')).toBe('2026-11-04');
    const year = (await t.as(null, { method: 'GET', url: '/api/v1/calendar/2026' })).json();
    expect(year.source).toBe('shipped');
    const edited = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/calendar/2026',
      payload: {
        daysOff: [...year.daysOff, { date: '2026-11-04', name: '抗洪抢险调休' }],
        adjustedWorkdays: year.adjustedWorkdays,
        source: '市政府通知',
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ source: 'custom', note: '市政府通知' });
    expect(await assignDeadline('street-lights')).toBe('2026-11-05');
    expect((await t.as('admin', { method: 'DELETE', url: '/api/v1/calendar/2026' })).json().source).toBe('shipped');
    expect(await assignDeadline('street-lights')).toBe('2026-11-04');
  });

  it('says plainly when a year has no published calendar, and lets an administrator enter it', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/v1/calendar/2027' })).json()).toMatchObject({
      source: 'none',
      daysOff: [],
    });
    const bad = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/calendar/2027',
      payload: { daysOff: [{ date: '2026-01-01', name: '元旦' }], adjustedWorkdays: [] },
    });
    expect(bad.statusCode).toBe(400);
    const both = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/calendar/2027',
      payload: {
        daysOff: [{ date: '2027-01-01', name: '元旦' }],
        adjustedWorkdays: [{ date: '2027-01-01', name: '元旦' }],
      },
    });
    expect(both.statusCode).toBe(400);
    expect(
      (
        await t.as('ducha', {
          method: 'PUT',
          url: '/api/v1/calendar/2027',
          payload: { daysOff: [], adjustedWorkdays: [] },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/calendar/2027',
      payload: { daysOff: [{ date: '2027-01-01', name: '元旦' }], adjustedWorkdays: [] },
    });
    expect(ok.json().source).toBe('custom');
    const years = (await t.as(null, { method: 'GET', url: '/api/v1/calendar' }))
      .json()
      .items.map((y: { year: number }) => y.year);
    expect(years).toEqual([2025, 2026, 2027]);
  });

  it('defaults deadlines from time limits configured per tier and per urgency', async () => {
    at(t, '2026-11-02');
    expect(await assignDeadline('roads')).toBe('2026-11-09');
    expect(await assignDeadline('roads', 'emergency')).toBe('2026-11-03'); // emergencies are capped at one working day
    const put = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/supervision/time-limits',
      payload: {
        tiers: { simple: { amount: 3, unit: 'working_days' } },
        tiersByUrgency: { urgent: { simple: { amount: 2, unit: 'working_days' } } },
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().effective.tiers.simple).toEqual({ amount: 3, unit: 'working_days' });
    expect(await assignDeadline('roads')).toBe('2026-11-05');
    expect(await assignDeadline('roads', 'urgent')).toBe('2026-11-04');
    const preview = await t.as('shouli', {
      method: 'GET',
      url: '/api/v1/supervision/time-limits/deadline?tier=cross_department&from=2026-11-02',
    });
    expect(preview.json().deadline).toBe('2026-11-23');
    const bad = await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/supervision/time-limits',
      payload: { tiers: { someday: { amount: 3, unit: 'working_days' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.as('ducha', { method: 'PUT', url: '/api/v1/supervision/time-limits', payload: {} })).statusCode,
    ).toBe(403);
    await t.as('admin', { method: 'PUT', url: '/api/v1/supervision/time-limits', payload: {} });
    expect(await assignDeadline('roads')).toBe('2026-11-09');
  });
});

describe.each(DIALECTS)('hour limits on an item (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows dispatch, sign-for and return limits in working hours and days', async () => {
    t.clock.set('2026-11-06T08:00:00Z'); // Friday 16:00 in Jingzhou
    const { code } = await reportProblem(t, { categoryId: t.ids.categories.roads });
    t.clock.set('2026-11-06T09:00:00Z'); // 17:00
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    const v = (await t.as('ducha', { method: 'GET', url: `/api/v1/problems/${code}/supervision` })).json();
    // 24 working hours from Friday 16:00 run to Monday 16:00; 2 hours from Friday 17:00 end Friday 19:00.
    expect(v.limits).toEqual({
      dispatchBy: '2026-11-09T08:00:00.000Z',
      signForBy: '2026-11-06T11:00:00.000Z',
      returnBy: '2026-11-10',
      signedInTime: null,
    });
    t.clock.set('2026-11-09T01:00:00Z');
    await act(t, 'chengguan', code, 'sign');
    expect(
      (await t.as('ducha', { method: 'GET', url: `/api/v1/problems/${code}/supervision` })).json().limits.signedInTime,
    ).toBe(false);
  });
});
