/**
 * A unit's to-do (issue #18, fix 3): what to sign for, plan, report on and rectify, counted and
 * paged in SQL, searchable, and only the unit's own items for its staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('department to-do (%s)', (dialect) => {
  let t: TestApp;
  const code: Record<string, string> = {};
  const todo = async (query: string, who = 'chengguan') => {
    const res = await t.as(who, { method: 'GET', url: `/api/v1/supervision/todo?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
    at(t, '2026-11-02');
    code.sign = (await assignedItem(t, { sign: false, body: { title: '待签收的井盖破损' } })).code;
    code.plan = (await assignedItem(t, { body: { title: '已签收未定计划的路灯' } })).code;
    code.rectify = (await assignedItem(t, { deadline: '2026-11-30', body: { title: '按计划整改的路面' } })).code;
    const res = await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code.rectify}/milestones`,
      payload: { milestones: [{ name: '施工', dueDate: '2026-11-20', weight: 1 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    code.report = (await assignedItem(t, { body: { title: '周报缺报的广场噪音' } })).code;
    const { id } = await t.tdb.db
      .selectFrom('problems')
      .select('id')
      .where('code', '=', code.report)
      .executeTakeFirstOrThrow();
    // The weekly-report job's finding, set directly: this test reads the to-do, not the job.
    await t.tdb.db
      .updateTable('item_supervision')
      .set({ missing_weekly_report: 1 })
      .where('problem_id', '=', id)
      .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sorts the unit’s work into sign, plan, weekly report and rectify, with counts', async () => {
    const sign = await todo('');
    expect(sign.kind).toBe('sign');
    expect(sign.counts).toEqual({ sign: 1, plan: 2, report: 1, rectify: 1 });
    expect(sign.items.map((i: { code: string }) => i.code)).toEqual([code.sign]);
    expect((await todo('kind=plan')).items.map((i: { code: string }) => i.code).sort()).toEqual(
      [code.plan, code.report].sort(),
    );
    expect((await todo('kind=report')).items.map((i: { code: string }) => i.code)).toEqual([code.report]);
    expect((await todo('kind=rectify')).items.map((i: { code: string }) => i.code)).toEqual([code.rectify]);
  });

  it('searches titles and codes in any case', async () => {
    const found = await todo(`kind=plan&q=${encodeURIComponent('路灯')}`);
    expect(found.items.map((i: { code: string }) => i.code)).toEqual([code.plan]);
    expect(found.counts.plan).toBe(1);
    expect((await todo(`q=${code.sign.toLowerCase()}`)).items.map((i: { code: string }) => i.code)).toEqual([
      code.sign,
    ]);
  });

  it('shows another unit nothing of this one', async () => {
    const other = await todo(`departmentId=${t.ids.departments.urban}`, 'jiaoyu');
    expect(other.counts).toEqual({ sign: 0, plan: 0, report: 0, rectify: 0 });
    expect((await todo('', 'ducha')).counts.sign).toBe(1);
  });
});
