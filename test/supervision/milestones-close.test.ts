/**
 * Milestones (issue #18, fix 9): a plan made on a Saturday puts no milestone on a day off; a
 * milestone past the deadline is refused; rectifying closes the plan's open milestones and the
 * timeline records which were open; a rectified item's plan reads 100 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, rt, staffTimeline, supervision } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('milestones (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('plans a short deadline on working days when the plan is made on a Saturday', async () => {
    at(t, '2026-11-06');
    const { code } = await assignedItem(t, { deadline: '2026-11-10' });
    at(t, '2026-11-07'); // Saturday
    const res = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/milestones/template`,
      payload: { template: 'standard' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cal = rt(t).store.calendar();
    const dates = (await supervision(t, code)).milestones.map((m: { dueDate: string }) => m.dueDate);
    expect(dates).toHaveLength(4);
    expect(dates.filter((d: string) => !cal.isWorkingDay(d))).toEqual([]);
  });

  it('refuses a milestone after the deadline', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-20' });
    const res = await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: { milestones: [{ name: '施工', dueDate: '2026-11-21', weight: 1 }] },
    });
    expect(res.statusCode).toBe(400);
  });

  it('closes open milestones when the item is rectified, records them, and reads planned 100 %', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-30' });
    await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: {
        milestones: [
          { name: '方案', dueDate: '2026-11-12', weight: 1, done: true },
          { name: '施工', dueDate: '2026-11-25', weight: 2 },
          { name: '自查', dueDate: '2026-11-30', weight: 1 },
        ],
      },
    });
    at(t, '2026-11-09');
    const res = await act(t, 'chengguan', code, 'rectify', { evidence: '提前完成整改' });
    expect(res.statusCode, res.body).toBe(200);
    const sup = await supervision(t, code);
    expect(sup.milestones.every((m: { doneAt: string | null }) => m.doneAt !== null)).toBe(true);
    expect(sup.plannedPercent).toBe(100);
    const closed = (await staffTimeline(t, code)).filter((e) => e.action === 'milestones_closed');
    expect(closed).toHaveLength(1);
    expect(closed[0].payload).toEqual({
      atRectify: true,
      milestones: [
        { name: '施工', dueDate: '2026-11-25' },
        { name: '自查', dueDate: '2026-11-30' },
      ],
    });
  });
});
