import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, staffTimeline, supervision } from './helpers.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('back-scheduled plans and extensions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('spreads a template backwards from the deadline over working days', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-30' });
    const res = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/milestones/template`,
      payload: { template: 'standard' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().milestones.map((m: { name: string; dueDate: string }) => [m.name, m.dueDate])).toEqual([
      ['调查核实', '2026-11-05'],
      ['制定整改方案', '2026-11-10'],
      ['组织实施整改', '2026-11-25'],
      ['自查验收', '2026-11-30'],
    ]);
    expect(res.json().plannedPercent).toBe(0);
    at(t, '2026-11-05'); // the first milestone (weight 10 of 100) is due today
    expect((await supervision(t, code)).plannedPercent).toBe(10);
    const timeline = await staffTimeline(t, code);
    expect(timeline.find((e) => e.action === 'plan')?.payload).toMatchObject({
      source: 'template',
      template: 'standard',
    });
  });

  it('refuses milestones after the deadline and plans by anyone but the lead unit', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-30' });
    const late = await t.as('chengguan', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: { milestones: [{ name: '完工', dueDate: '2026-12-05', weight: 1 }] },
    });
    expect(late.statusCode).toBe(400);
    const other = await t.as('jiaoyu', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: { milestones: [] },
    });
    expect(other.statusCode).toBe(404);
    const leader = await t.as('shuji', {
      method: 'PUT',
      url: `/api/v1/problems/${code}/milestones`,
      payload: { milestones: [] },
    });
    expect(leader.statusCode).toBe(403);
    expect((await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/supervision` })).statusCode).toBe(401);
  });

  it("rolls a campaign item's progress up from its child items by weight", async () => {
    at(t, '2026-11-02');
    const parent = await assignedItem(t, { deadline: '2026-12-31' });
    const a = await assignedItem(t, { deadline: '2026-12-31', body: { parentCode: parent.code } });
    const b = await assignedItem(t, { deadline: '2026-12-31', body: { parentCode: parent.code } });
    await act(t, 'chengguan', a.code, 'progress', { text: '过半', percent: 50 });
    await act(t, 'chengguan', b.code, 'rectify', { evidence: '已完成' });
    expect((await supervision(t, parent.code)).reportedPercent).toBe(75);
    const w = await t.as('chengguan', {
      method: 'PATCH',
      url: `/api/v1/problems/${b.code}/supervision`,
      payload: { rollupWeight: 3 },
    });
    expect(w.statusCode).toBe(200);
    const v = await supervision(t, parent.code);
    expect(v.reportedPercent).toBe(87.5);
    expect(
      v.children.map((c: { code: string; weight: number; reportedPercent: number }) => [
        c.code,
        c.weight,
        c.reportedPercent,
      ]),
    ).toEqual([
      [a.code, 1, 50],
      [b.code, 3, 100],
    ]);
  });

  it('keeps the original and the granted deadline on record', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-10' });
    const asked = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions`,
      payload: { reason: '需协调燃气管线迁改', requestedDeadline: '2026-11-20' },
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      originalDeadline: '2026-11-10',
      requestedDeadline: '2026-11-20',
      grantedDeadline: null,
    });
    const again = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions`,
      payload: { reason: '再延', requestedDeadline: '2026-11-25' },
    });
    expect(again.statusCode).toBe(409);
    const byUnit = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions/${asked.json().id}/decision`,
      payload: { decision: 'grant' },
    });
    expect(byUnit.statusCode).toBe(403);
    const granted = await t.as('ducha', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions/${asked.json().id}/decision`,
      payload: { decision: 'grant', grantedDeadline: '2026-11-17', note: '同意延至17日' },
    });
    expect(granted.json()).toMatchObject({
      status: 'granted',
      originalDeadline: '2026-11-10',
      grantedDeadline: '2026-11-17',
    });
    const v = await supervision(t, code);
    expect(v).toMatchObject({ deadline: '2026-11-17', originalDeadline: '2026-11-10' });
    expect(v.extensions).toHaveLength(1);
    const item = await t.as('chengguan', { method: 'GET', url: `/api/v1/problems/${code}` });
    expect(item.json().problem.deadline).toBe('2026-11-17');
    const twice = await t.as('ducha', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions/${asked.json().id}/decision`,
      payload: { decision: 'refuse' },
    });
    expect(twice.statusCode).toBe(409);
    expect((await staffTimeline(t, code)).map((e) => e.action).filter((a) => a.startsWith('extension'))).toEqual([
      'extension_requested',
      'extension_granted',
    ]);
    // The unit is told the decision.
    const inbox = (await t.as('chengguan', { method: 'GET', url: '/api/v1/notifications?limit=100' })).json().items;
    expect(
      inbox.some((n: { kind: string; problemCode: string }) => n.kind === 'extension' && n.problemCode === code),
    ).toBe(true);
  });

  it('leaves the deadline alone when an extension is refused', async () => {
    at(t, '2026-11-02');
    const { code } = await assignedItem(t, { deadline: '2026-11-10' });
    const asked = await t.as('chengguan', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions`,
      payload: { reason: '人手不足', requestedDeadline: '2026-11-30' },
    });
    const refused = await t.as('ducha', {
      method: 'POST',
      url: `/api/v1/problems/${code}/extensions/${asked.json().id}/decision`,
      payload: { decision: 'refuse', note: '理由不充分' },
    });
    expect(refused.json()).toMatchObject({
      status: 'refused',
      originalDeadline: '2026-11-10',
      grantedDeadline: null,
      decisionNote: '理由不充分',
    });
    expect((await supervision(t, code)).deadline).toBe('2026-11-10');
    const record = (
      await t.as('chengguan', {
        method: 'GET',
        url: `/api/v1/supervision/departments/${t.ids.departments.urban}/record`,
      })
    ).json();
    expect(record.extensions.find((e: { code: string }) => e.code === code)).toMatchObject({
      status: 'refused',
      originalDeadline: '2026-11-10',
    });
  });
});
