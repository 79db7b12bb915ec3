import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, runJob, supervision } from './helpers.js';
import { parseSupervisionConfig } from '../../src/supervision/supervision-config.js';

const DIALECTS = await dialects();

async function inbox(t: TestApp, who: string, code: string) {
  const items = (await t.as(who, { method: 'GET', url: '/api/v1/notifications?limit=100' })).json().items as Array<{
    kind: string;
    problemCode: string;
  }>;
  return items.filter((n) => n.problemCode === code).map((n) => n.kind);
}

describe.each(DIALECTS)('lifecycle notices and configured thresholds (%s)', (dialect) => {
  let t: TestApp;
  let strict: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    const saved = { ...process.env };
    Object.assign(process.env, {
      QINGDAN_WARN_BLUE_DAYS: '1',
      QINGDAN_WARN_YELLOW_POINTS: '20',
      QINGDAN_WARN_RED_POINTS: '50',
    });
    try {
      strict = await createTestApp(dialect, { sessionDays: 3650, supervision: parseSupervisionConfig(process.env) });
    } finally {
      process.env = saved;
    }
  });
  afterAll(async () => {
    await t.close();
    await strict.close();
  });

  it('tells the unit of an assignment and a verification result, and acceptance of a return', async () => {
    at(t, '2026-11-02');
    const { code, token } = await assignedItem(t, { body: { categoryId: t.ids.categories.roads } });
    expect(await inbox(t, 'chengguan', code)).toEqual(['assignment']);
    await act(t, 'chengguan', code, 'rectify', { evidence: '已修复' });
    await act(t, null, code, 'verify', { result: 'unsatisfied' }, { 'x-tracking-token': token });
    expect(await inbox(t, 'chengguan', code)).toEqual(['verification', 'assignment']);
    const other = (await reportProblem(t)).code;
    await act(t, 'shouli', other, 'assign', { leadDepartmentId: t.ids.departments.edu });
    await act(t, 'jiaoyu', other, 'return', { reason: '不属于教育局职责' });
    expect(await inbox(t, 'shouli', other)).toEqual(['return']);
  });

  it('applies warning thresholds from the environment', async () => {
    for (const app of [t, strict]) at(app, '2026-11-02');
    const plan = { milestones: [{ name: '实施', dueDate: '2026-11-12', weight: 1 }] };
    const items = [];
    for (const app of [t, strict]) {
      const { code } = await assignedItem(app, { deadline: '2026-11-12' });
      await app.as('chengguan', { method: 'PUT', url: `/api/v1/problems/${code}/milestones`, payload: plan });
      items.push(code);
    }
    for (const app of [t, strict]) at(app, '2026-11-07'); // planned 50
    for (const [i, app] of [t, strict].entries())
      await act(app, 'chengguan', items[i], 'progress', { text: '推进中', percent: 35 });
    expect((await supervision(t, items[0])).warning.level).toBe('yellow'); // 15 behind: ≥ 10
    expect((await supervision(strict, items[1])).warning.level).toBe('none'); // 15 behind: < 20
    for (const [i, app] of [t, strict].entries())
      await act(app, 'chengguan', items[i], 'progress', { text: '推进中', percent: 15 });
    expect((await supervision(t, items[0])).warning.level).toBe('red'); // 35 behind: ≥ 30
    expect((await supervision(strict, items[1])).warning.level).toBe('yellow'); // 35 behind: < 50
    for (const app of [t, strict]) at(app, '2026-11-10'); // two working days before the deadline
    for (const [i, app] of [t, strict].entries())
      await act(app, 'chengguan', items[i], 'progress', { text: '基本完成', percent: 85 });
    await runJob(t, 'warnings');
    await runJob(strict, 'warnings');
    expect((await supervision(t, items[0])).warning).toMatchObject({ level: 'blue', reasons: ['deadline_near'] });
    expect((await supervision(strict, items[1])).warning.level).toBe('none'); // blue only within 1 working day
  });
});
