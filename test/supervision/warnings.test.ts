import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, runJob, staffTimeline, supervision } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('warning levels (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns blue when the deadline is three working days away, not before', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { categoryId: t.ids.categories.roads }); // simple tier: 5 working days
    expect((await supervision(t, code)).deadline).toBe('2026-11-09');
    expect((await supervision(t, code)).warning.level).toBe('none');
    at(t, '2026-11-04'); // Wednesday: Thu, Fri, Mon = 3 working days left
    await runJob(t, 'warnings');
    const v = await supervision(t, code);
    expect(v.warning).toMatchObject({ level: 'blue', reasons: ['deadline_near'] });
    const ev = (await staffTimeline(t, code)).filter((e) => e.action === 'warning');
    expect(ev.map((e) => [e.payload.from, e.payload.to])).toEqual([['none', 'blue']]);
  });

  it('turns yellow at 10 points behind plan and red at 30, on each progress report', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-30' });
    const res = await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: {
        milestones: [
          { name: '方案', dueDate: '2026-11-12', weight: 50 },
          { name: '实施', dueDate: '2026-11-30', weight: 50 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    at(t, '2026-11-07'); // half of the first window: planned 25
    expect((await supervision(t, code)).plannedPercent).toBe(25);
    await act(t, 'chengguan', code, 'progress', { text: '方案起草中', percent: 16 });
    expect((await supervision(t, code)).warning.level).toBe('none'); // 9 behind
    await act(t, 'chengguan', code, 'progress', { text: '方案起草中', percent: 15 });
    // Exactly 10 behind.
    expect((await supervision(t, code)).warning).toMatchObject({ level: 'yellow', reasons: ['behind_plan'] });
    at(t, '2026-11-10'); // planned 40
    await act(t, 'chengguan', code, 'progress', { text: '进展缓慢', percent: 10 });
    const v = await supervision(t, code);
    expect(v).toMatchObject({ plannedPercent: 40, reportedPercent: 10 });
    expect(v.warning).toMatchObject({ level: 'red', reasons: ['behind_plan'] });
    const levels = (await staffTimeline(t, code)).filter((e) => e.action === 'warning').map((e) => e.payload.to);
    expect(levels).toEqual(['yellow', 'red']);
    // The unit hears about the rise to yellow and to red.
    const inbox = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications?limit=100' })).json().items;
    expect(
      inbox.filter((n: { kind: string; problemCode: string }) => n.kind === 'warning' && n.problemCode === code),
    ).toHaveLength(2);
  });

  it('turns yellow for a missed milestone and clears when it is done', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-30' });
    await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: {
        milestones: [
          { name: '摸排', dueDate: '2026-11-04', weight: 0 },
          { name: '整改', dueDate: '2026-11-30', weight: 1 },
        ],
      },
    });
    at(t, '2026-11-04');
    await runJob(t, 'warnings');
    expect((await supervision(t, code)).warning.level).toBe('none'); // due today is not missed yet
    at(t, '2026-11-05');
    await runJob(t, 'warnings');
    const v = await supervision(t, code);
    expect(v.warning).toMatchObject({ level: 'yellow', reasons: ['missed_milestone'] });
    expect(v.milestones[0]).toMatchObject({ name: '摸排', missed: true });
    const res = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/milestones/${v.milestones[0].id}/done`,
      payload: { done: true },
    });
    expect(res.json().warning.level).toBe('none');
  });

  it('turns yellow for a missing weekly report, flags the unit, and clears on a late report', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-12-31' });
    at(t, '2026-11-07'); // the week ending Fri 11-06 began before signing: nothing owed
    expect(await runJob(t, 'weekly-reports')).toMatchObject({ dueDate: '2026-11-06' });
    expect((await supervision(t, code)).missingWeeklyReport).toBe(false);
    at(t, '2026-11-14'); // no report in 11-07 … 11-13
    const r = await runJob(t, 'weekly-reports');
    expect(r.dueDate).toBe('2026-11-13');
    expect((await runJob(t, 'weekly-reports')).missing).toBe(0); // idempotent
    const v = await supervision(t, code);
    expect(v).toMatchObject({
      missingWeeklyReport: true,
      warning: { level: 'yellow', reasons: ['missing_weekly_report'] },
    });
    const record = (
      await t.as('ducha', { method: 'GET', url: `/api/v1/supervision/departments/${t.ids.departments.urban}/record` })
    ).json();
    expect(record.weeklyReportMisses.filter((m: { code: string }) => m.code === code)).toEqual([
      { dueDate: '2026-11-13', code, title: expect.any(String) },
    ]);
    await act(t, 'chengguan', code, 'progress', { text: '补报本周进展', percent: 30 });
    expect((await supervision(t, code)).warning.level).toBe('none');
  });

  it('turns red the day after the deadline and records one reminder that day', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-03' });
    at(t, '2026-11-03');
    await runJob(t, 'reminders');
    expect((await supervision(t, code)).actions).toEqual([]);
    at(t, '2026-11-04');
    const first = await runJob(t, 'reminders');
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await runJob(t, 'reminders');
    await runJob(t, 'warnings');
    const v = await supervision(t, code);
    expect(v.warning.level).toBe('red');
    expect(v.warning.reasons).toContain('overdue');
    expect(v.actions).toHaveLength(1);
    expect(v.actions[0]).toMatchObject({ kind: 'reminder', automatic: true, date: '2026-11-04' });
    expect((await staffTimeline(t, code)).filter((e) => e.action === 'reminder')).toHaveLength(1);
    const inbox = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications?limit=100' })).json().items;
    expect(
      inbox.filter((n: { kind: string; problemCode: string }) => n.kind === 'reminder' && n.problemCode === code),
    ).toHaveLength(1);
  });
});
