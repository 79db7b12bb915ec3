import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';

const DIALECTS = await dialects();

/** Every figure of the statistics API must equal what the list returns for the same filter. */
describe.each(DIALECTS)('statistics agree with the list (%s)', (dialect) => {
  let t: TestApp;

  async function listCount(who: string | null, query: Record<string, string | number | boolean>): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({
        ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
        limit: '100',
        ...(cursor && { cursor }),
      });
      const res = await t.as(who, { method: 'GET', url: `/api/v1/problems?${qs}` });
      if (res.statusCode !== 200) throw new Error(res.body);
      n += res.json().items.length;
      cursor = res.json().nextCursor;
    } while (cursor);
    return n;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { sessionDays: 3650 });
    const c = t.ids.categories;
    const a = t.ids.areas;
    const d = t.ids.departments;
    const tg = t.ids.tags;
    const plan: Array<{
      when: string;
      body: Record<string, unknown>;
      dept?: number;
      co?: number[];
      deadline?: string;
      steps: string[];
    }> = [
      {
        when: '2026-10-08',
        body: { categoryId: c.roads, areaId: a['jz-ss-zs'], tagIds: [tg.livelihood] },
        dept: d.housing,
        steps: ['sign', 'rectify', 'verify', 'close'],
      },
      {
        when: '2026-10-09',
        body: { categoryId: c['street-lights'], areaId: a['jz-ss'] },
        dept: d.urban,
        co: [d['urban-ss']],
        deadline: '2026-10-20',
        steps: ['sign'],
      },
      {
        when: '2026-10-12',
        body: { categoryId: c.sewage, areaId: a['jz-jz-jn-xh'], tagIds: [tg.livelihood, tg['fix-now']] },
        dept: d.eco,
        steps: ['sign', 'long_term'],
      },
      {
        when: '2026-10-13',
        body: { categoryId: c.noise, areaId: a['jz-kfq'], isPublic: false },
        dept: d['eco-kfq'],
        steps: ['sign', 'rectify'],
      },
      {
        when: '2026-10-20',
        body: { categoryId: c['school-places'], areaId: a['jz-ss-zs-hp'], tagIds: [tg.business] },
        steps: ['reject'],
      },
      {
        when: '2026-11-02',
        body: { categoryId: c['shared-bikes'], areaId: a['jz-ss'] },
        dept: d.urban,
        co: [d.housing, d['urban-jz']],
        deadline: '2026-11-03',
        steps: [],
      },
      { when: '2026-11-03', body: { categoryId: c.fraud, areaId: a['jz-sz'], sourceCode: 'hotline' }, steps: [] },
      {
        when: '2026-11-04',
        body: { categoryId: c['tap-water'], areaId: a['jz-sz-wjc-sk'], tagIds: [tg['leader-owned']] },
        dept: d.water,
        steps: ['sign', 'rectify', 'verify'],
      },
      { when: '2026-11-05', body: { categoryId: c['food-safety'], areaId: a['jz-jl'] }, steps: ['accept'] },
      {
        when: '2026-11-06',
        body: { categoryId: c.roads, areaId: a['jz-jz-xn'] },
        dept: d['urban-ss'],
        co: [d.urban],
        deadline: '2026-11-09',
        steps: ['sign'],
      },
    ];
    for (const p of plan) {
      t.clock.set(`${p.when}T02:00:00Z`);
      const { sourceCode, ...body } = p.body as { sourceCode?: string };
      const code = sourceCode
        ? (
            await t.as('shouli', {
              method: 'POST',
              url: '/api/v1/problems',
              payload: { title: '热线反映问题', description: '市民来电反映', sourceCode, ...body },
            })
          ).json().problem.code
        : (await reportProblem(t, body)).code;
      if (p.dept)
        await act(t, 'shouli', code, 'assign', {
          leadDepartmentId: p.dept,
          coDepartmentIds: p.co ?? [],
          ...(p.deadline && { deadline: p.deadline }),
        });
      for (const s of p.steps) {
        const body2: Record<string, unknown> = {
          sign: {},
          rectify: { evidence: '已整改' },
          verify: { result: 'satisfied', method: 'callback' },
          close: {},
          long_term: { checkpointDate: '2027-06-30' },
          reject: { reason: '重复反映' },
          accept: {},
        }[s]!;
        const who = ['verify', 'close', 'reject', 'accept'].includes(s)
          ? s === 'reject' || s === 'accept'
            ? 'shouli'
            : 'ducha'
          : 'admin';
        const res = await act(t, who, code, s, body2);
        if (res.statusCode !== 200) throw new Error(`${s}: ${res.body}`);
      }
    }
    t.clock.set('2026-11-20T02:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  const FILTERS: Record<string, string | number>[] = [
    {},
    { from: '2026-10-01', to: '2026-10-31' },
    { status: 'in_progress,long_term,rectified' },
  ];

  it.each([null, 'shouli', 'chengguan'])(
    'headline figures and every breakdown equal list counts (as %s)',
    async (who) => {
      for (const f of FILTERS) {
        const s = (
          await t.as(who, {
            method: 'GET',
            url: `/api/v1/stats/summary?${new URLSearchParams(Object.entries(f).map(([k, v]) => [k, String(v)]))}`,
          })
        ).json();
        const status = (states: string) => {
          const wanted = states.split(',');
          const given = f.status ? String(f.status).split(',') : wanted;
          const both = given.filter((x) => wanted.includes(x));
          return both.length ? listCount(who, { ...f, status: both.join(',') }) : Promise.resolve(0);
        };
        expect(s.found).toBe(await listCount(who, f));
        expect(s.rectified).toBe(await status('rectified,verified,closed'));
        expect(s.inProgress).toBe(await status('assigned,in_progress'));
        expect(s.longTerm).toBe(await status('long_term'));
        expect(s.overdue).toBe(await listCount(who, { ...f, overdue: true }));
        for (const [key, param] of [
          ['byCategory', 'categoryId'],
          ['byArea', 'areaId'],
          ['byDepartment', 'departmentId'],
          ['bySource', 'sourceId'],
          ['byTag', 'tagId'],
        ] as const) {
          for (const row of s[key] as { id: number; count: number }[]) {
            expect({ key, id: row.id, count: row.count }).toEqual({
              key,
              id: row.id,
              count: await listCount(who, { ...f, [param]: row.id }),
            });
          }
        }
        for (const m of s.byMonth as { month: string; found: number }[]) {
          const last = new Date(Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)), 0))
            .toISOString()
            .slice(0, 10);
          const from = f.from && String(f.from) > `${m.month}-01` ? String(f.from) : `${m.month}-01`;
          const to = f.to && String(f.to) < last ? String(f.to) : last;
          expect(m.found).toBe(await listCount(who, { ...f, from, to }));
        }
      }
    },
  );

  it('counts the seeded city as expected (staff view)', async () => {
    const s = (await t.as('ducha', { method: 'GET', url: '/api/v1/stats/summary' })).json();
    expect(s).toMatchObject({ found: 10, rectified: 3, inProgress: 3, overdue: 3, longTerm: 1 });
    const pub = (await t.as(null, { method: 'GET', url: '/api/v1/stats/summary' })).json();
    expect(pub.found).toBe(7); // not the rejected, the private or the untriaged ones
    const trend = (await t.as(null, { method: 'GET', url: '/api/v1/stats/trend?interval=week' })).json();
    expect(trend.series.reduce((n: number, p: { found: number }) => n + p.found, 0)).toBe(7);
    expect(trend.series[0].period).toBe('2026-W41');
    const report = await t.as(null, { method: 'GET', url: '/api/v1/stats/monthly-report?month=2026-10' });
    expect(report.statusCode).toBe(200);
    expect(report.json().monthFigures.found).toBe(await listCount(null, { from: '2026-10-01', to: '2026-10-31' }));
  });
});
