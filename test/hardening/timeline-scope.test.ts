import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

/**
 * Finding 5 of issue #16: a unit that is neither the lead nor a co-unit of an item read its
 * internal timeline (notes with contact details, officials' names). It now gets the public one.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('internal timeline for the units on the item only (%s)', (dialect) => {
  let t: TestApp;
  let code: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    code = (await reportProblem(t)).code;
    await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    await act(t, 'chengguan', code, 'sign');
    const note = await act(t, 'chengguan', code, 'note', { text: '已联系报告人王先生 13912345678，约定周五上门' });
    expect(note.statusCode, note.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const timeline = (who: string | null) => t.as(who, { method: 'GET', url: `/api/v1/problems/${code}/timeline` });

  it('shows another unit the public timeline: no notes, no officials', async () => {
    const other = await timeline('jiaoyu');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('13912345678');
    expect(other.body).not.toContain('王敏'); // the acceptance official who assigned it
    const actions = other.json().items.map((e: { action: string }) => e.action);
    expect(actions).not.toContain('note');
    expect(other.json().items).toEqual((await timeline(null)).json().items);
  });

  it('shows the lead unit and the citywide offices the internal timeline', async () => {
    for (const who of ['chengguan', 'ducha', 'shouli']) {
      const res = await timeline(who);
      expect(res.body, who).toContain('13912345678');
    }
  });
});
