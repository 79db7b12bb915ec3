import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { assignedItem, at, runJob, supervision } from '../supervision/helpers.js';

/**
 * Finding 4 of issue #16: the public may not attach a report under another item (an existence
 * oracle for private codes, and a child that drags the parent's roll-up), nor set measures, tags
 * or a raised urgency; a roll-up counts only children the acceptance desk has taken on.
 */
const DIALECTS = await dialects();

describe.each(DIALECTS)('staff-only fields of a new report (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const publicReport = (extra: Record<string, unknown>) =>
    t.as(null, {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '路面塌陷', description: '人民路口路面塌陷一处', ...extra },
    });

  it('refuses parentCode, measures and tags from the public alike for private and missing items', async () => {
    const hidden = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '内部专项', description: '不公开的专项整治', isPublic: false },
    });
    const privateCode = hidden.json().problem.code;
    const tag = Object.values(t.ids.tags)[0];
    for (const extra of [
      { parentCode: privateCode },
      { parentCode: 'QD-2099-999999' },
      { measures: '立即封路' },
      { tagIds: [tag] },
    ]) {
      const res = await publicReport(extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const staff = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '子任务', description: '专项下的一项', parentCode: privateCode, tagIds: [tag] },
    });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().problem.parentCode).toBe(privateCode);
  });

  it("takes a resident's urgency as normal and staff's as sent", async () => {
    const pub = await publicReport({ urgency: 'emergency' });
    expect(pub.statusCode).toBe(201);
    expect(pub.json().problem.urgency).toBe('normal');
    const desk = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '燃气泄漏', description: '小区燃气管道泄漏', urgency: 'emergency' },
    });
    expect(desk.json().problem.urgency).toBe('emergency');
  });

  it('rolls a parent up from triaged children only, and keeps its weekly duty until it has some', async () => {
    at(t, '2026-11-02');
    const parent = await assignedItem(t, { deadline: '2026-12-31' });
    await act(t, 'chengguan', parent.code, 'progress', { text: '已启动', percent: 40 });
    // A report filed under the parent that nobody has triaged yet.
    const child = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/problems',
      payload: { title: '未分拨子项', description: '尚未受理的子项', parentCode: parent.code },
    });
    expect(child.statusCode).toBe(201);
    const v = await supervision(t, parent.code);
    expect(v.reportedPercent).toBe(40);
    expect(v.children).toEqual([]);
    at(t, '2026-11-20');
    await runJob(t, 'weekly-reports');
    const misses = await t.tdb.db
      .selectFrom('weekly_report_misses as m')
      .innerJoin('problems as p', 'p.id', 'm.problem_id')
      .select('p.code')
      .execute();
    expect(misses.map((m) => m.code)).toContain(parent.code);
  });
});
