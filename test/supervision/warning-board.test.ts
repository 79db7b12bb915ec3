/**
 * The supervision board's warnings (issue #18, fix 1): a page at a time, filtered by colour, unit,
 * area, missing weekly report and search in SQL, with true totals beside each page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { at } from './helpers.js';

const DIALECTS = await dialects();

interface Page {
  counts: Record<string, number>;
  total: number;
  missingTotal: number;
  items: { code: string; warning: { level: string }; missingWeeklyReport: boolean }[];
}

describe.each(DIALECTS)('supervision board (%s)', (dialect) => {
  let t: TestApp;
  const codes: Record<string, string[]> = { urban: [], edu: [] };
  const board = async (query: string, who = 'ducha'): Promise<Page> => {
    const res = await t.as(who, { method: 'GET', url: `/api/v1/supervision/warnings?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 365 });
    at(t, '2026-11-02');
    // Nine urban items in Shashi (red, yellow, blue in turn; every third missing its weekly report)
    // and four education items in Jingzhou District, all yellow.
    const plan = [
      ...Array.from({ length: 9 }, (_, i) => ({
        dept: 'urban',
        area: 'jz-ss-zs',
        level: ['red', 'yellow', 'blue'][i % 3],
      })),
      ...Array.from({ length: 4 }, () => ({ dept: 'edu', area: 'jz-jz-xn', level: 'yellow' })),
    ];
    for (const [i, p] of plan.entries()) {
      const { code } = await reportProblem(t, { title: `路面坑洼第${i + 1}处`, areaId: t.ids.areas[p.area] });
      const res = await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments[p.dept] });
      expect(res.statusCode, res.body).toBe(200);
      codes[p.dept].push(code);
      // The warning job's result, set directly: this test is about reading the board, not computing it.
      const id = (await t.tdb.db.selectFrom('problems').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
      await t.tdb.db
        .updateTable('item_supervision')
        .set({ warning_level: p.level, warning_reasons: '["behind_plan"]', missing_weekly_report: i % 3 === 0 ? 1 : 0 })
        .where('problem_id', '=', id)
        .execute();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages through every warning once, red first, with the true totals on every page', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 20; offset += 5) {
      const page = await board(`limit=5&offset=${offset}`);
      expect(page.total).toBe(13);
      expect(page.counts).toEqual({ red: 3, yellow: 7, blue: 3 });
      expect(page.missingTotal).toBe(5);
      seen.push(...page.items.map((i) => i.code));
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    const first = await board('limit=3');
    expect(first.items.map((i) => i.warning.level)).toEqual(['red', 'red', 'red']);
  });

  it('filters by colour, unit, area and missing weekly report; colour counts ignore only the colour', async () => {
    const red = await board('level=red');
    expect(red.total).toBe(3);
    expect(red.counts).toEqual({ red: 3, yellow: 7, blue: 3 });
    const edu = await board(`departmentId=${t.ids.departments.edu}`);
    expect(edu.items.map((i) => i.code).sort()).toEqual([...codes.edu].sort());
    expect(edu.counts).toEqual({ red: 0, yellow: 4, blue: 0 });
    // An area takes its sub-areas: the district holds the subdistrict's items.
    const shashi = await board(`areaId=${t.ids.areas['jz-ss']}`);
    expect(shashi.total).toBe(9);
    const missing = await board('missing=true&level=yellow');
    expect(missing.items.every((i) => i.missingWeeklyReport && i.warning.level === 'yellow')).toBe(true);
    expect(missing.total).toBe(missing.items.length);
  });

  it('searches titles and codes in any case', async () => {
    const byTitle = await board(`q=${encodeURIComponent('第1')}`);
    expect(byTitle.total).toBe(5); // 第1, 第10 … 第13
    const code = codes.edu[2];
    const byCode = await board(`q=${encodeURIComponent(code.toLowerCase())}`);
    expect(byCode.items.map((i) => i.code)).toEqual([code]);
    expect((await board('q=%25')).total).toBe(0); // a % is a character, not a wildcard
  });

  it('shows a unit only its own items, whatever it asks for', async () => {
    const own = await board(`departmentId=${t.ids.departments.edu}`, 'chengguan');
    expect(own.total).toBe(0);
    const all = await board('limit=200', 'chengguan');
    expect(all.total).toBe(9);
    expect(all.items.every((i) => codes.urban.includes(i.code))).toBe(true);
  });
});
