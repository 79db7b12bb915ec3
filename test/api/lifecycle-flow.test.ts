import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

describe.each(DIALECTS)('problem lifecycle over HTTP (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('walks an item from report to close, with every step on the timeline', async () => {
    const { code, token } = await reportProblem(t);
    expect(code).toMatch(/^JZ-2026-\d{6}$/);
    let res = await act(t, 'shouli', code, 'assign', {
      leadDepartmentId: t.ids.departments.urban,
      coDepartmentIds: [t.ids.departments['urban-ss']],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().problem.deadline).toBe('2026-11-03'); // immediate tier: the next working day
    res = await act(t, 'chengguan', code, 'sign');
    expect(res.json().problem.status).toBe('in_progress');
    res = await act(t, 'chengguan', code, 'progress', { text: '已更换灯泡一半', percent: 50 });
    expect(res.json().problem.progressPercent).toBe(50);
    res = await act(t, 'chengguan', code, 'rectify', { evidence: '路灯全部修复' });
    expect(res.json().problem.status).toBe('rectified');
    res = await act(t, null, code, 'verify', { result: 'satisfied', comment: '谢谢' }, { 'x-tracking-token': token });
    expect(res.statusCode).toBe(200);
    expect(res.json().problem.status).toBe('verified');
    res = await act(t, 'ducha', code, 'close');
    expect(res.json().problem.status).toBe('closed');
    const timeline = await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/timeline` });
    expect(timeline.json().items.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'assign',
      'sign',
      'progress',
      'rectify',
      'verify',
      'close',
    ]);
    expect(timeline.body).not.toContain('王小明');
    expect(timeline.body).not.toContain('陈刚'); // staff names stay internal
  });

  it('answers 409 with the allowed actions for an invalid transition', async () => {
    const { code } = await reportProblem(t);
    const res = await act(t, 'shouli', code, 'close');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_transition');
    expect(res.json().error.details.allowed).toEqual(['accept', 'reject', 'merge', 'assign', 'note']);
  });

  it('counts a redo when the reporter is unsatisfied', async () => {
    const { code, token } = await reportProblem(t);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    await act(t, 'chengguan', code, 'rectify', { evidence: '已修复' });
    const res = await act(t, null, code, 'verify', { result: 'unsatisfied' }, { 'x-tracking-token': token });
    expect(res.json().problem).toMatchObject({ status: 'in_progress', redoCount: 1 });
  });

  it('records the 5-level rating with a verification and refuses one that contradicts the result', async () => {
    const { code, token } = await reportProblem(t);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    await act(t, 'chengguan', code, 'rectify', { evidence: '已修复' });
    const contradiction = await act(
      t,
      null,
      code,
      'verify',
      { result: 'satisfied', rating: 2 },
      { 'x-tracking-token': token },
    );
    expect(contradiction.statusCode).toBe(400);
    expect(contradiction.json().error.details.field).toBe('rating');
    const ok = await act(t, null, code, 'verify', { result: 'satisfied', rating: 5 }, { 'x-tracking-token': token });
    expect(ok.json().problem.status).toBe('verified');
    const timeline = await t.as(null, { method: 'GET', url: `/api/v1/problems/${code}/timeline` });
    expect(timeline.json().items.at(-1).payload).toMatchObject({ result: 'satisfied', rating: 5 });
  });

  it('merges a duplicate into its master and counts the report', async () => {
    const a = await reportProblem(t);
    const b = await reportProblem(t);
    const res = await act(t, 'shouli', b.code, 'merge', { targetCode: a.code });
    expect(res.json().problem).toMatchObject({ status: 'merged', mergedInto: a.code });
    const master = await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${a.code}` });
    expect(master.json().problem.reportCount).toBe(2);
  });

  it('returns an item to acceptance and lets it be re-assigned', async () => {
    const { code } = await reportProblem(t);
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.edu });
    let res = await act(t, 'jiaoyu', code, 'return', {});
    expect(res.statusCode).toBe(400);
    res = await act(t, 'jiaoyu', code, 'return', { reason: '不属于教育局职责' });
    expect(res.json().problem).toMatchObject({ status: 'accepted', leadDepartment: null });
    res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    expect(res.json().problem.leadDepartment.name).toBe('市城市管理执法委员会');
  });
});
