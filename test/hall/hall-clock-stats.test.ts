/**
 * Versions, clocks and figures on both databases: a new version replaces the old from its date
 * while running cases keep theirs; 补正 pauses the promised-time clock; overdue cases turn red on
 * the board and get one reminder; every statistic equals the list it summarises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { defaultCalendar } from '../../src/supervision/calendar.js';
import { publishedMatter, registerBody, residentId, taxMatter } from './hall-fixtures.js';

const DIALECTS = await dialects();
const cal = defaultCalendar();

describe.each(DIALECTS)('hall versions, clocks and statistics (%s)', (dialect) => {
  let t: TestApp;
  let v1: { id: number }[];
  const post = async (who: string | null, url: string, payload: object = {}) => {
    const r = await t.as(who, { method: 'POST', url, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const get = async (who: string | null, url: string) => (await t.as(who, { method: 'GET', url })).json();
  const all = (m: { id: number }[]) => m.map((x) => x.id);

  beforeAll(async () => {
    // The clock moves weeks ahead: sessions must outlive it.
    t = await createTestApp(dialect, { sessionDays: 365 });
    v1 = (await publishedMatter(t)).materials;
  });
  afterAll(async () => {
    await t.close();
  });

  it('replaces a version from its date while a running case keeps its own', async () => {
    const a = (await post('shouli', '/api/v1/applications', registerBody('TAX-QS-001', all(v1)))).case;
    expect(a.matter.version).toBe(1);
    await post('admin', '/api/v1/matters/TAX-QS-001/versions');
    const edited = taxMatter(t);
    edited.materials = [...edited.materials, { name: '户口簿', form: 'copy', copies: 1, required: true }];
    const { code: _c, ...input } = edited;
    expect(
      (await t.as('admin', { method: 'PUT', url: '/api/v1/matters/TAX-QS-001/draft', payload: input })).statusCode,
    ).toBe(200);
    const past = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/matters/TAX-QS-001/publish',
      payload: { effectiveFrom: '2026-11-01' },
    });
    expect(past.statusCode).toBe(400);
    const pub = await post('admin', '/api/v1/matters/TAX-QS-001/publish', { effectiveFrom: '2026-11-04' });
    expect(pub).toMatchObject({ version: 1, state: 'current', effectiveTo: '2026-11-03' });
    expect(pub.versions.map((v: { state: string }) => v.state)).toEqual(['current', 'scheduled']);
    t.clock.set('2026-11-04T01:00:00Z');
    const guide = await get(null, '/api/v1/matters/TAX-QS-001');
    expect(guide).toMatchObject({ version: 2, state: 'current' });
    expect(guide.materials).toHaveLength(4);
    expect((await get(null, '/api/v1/matters/TAX-QS-001?version=1')).state).toBe('replaced');
    const old = await get('shouli', `/api/v1/applications/${a.number}`);
    expect(old.matter.version).toBe(1);
    expect(old.materials).toHaveLength(3);
    const b = (await post('shouli', '/api/v1/applications', registerBody('TAX-QS-001', all(guide.materials)))).case;
    expect(b).toMatchObject({ status: 'accepted', matter: { version: 2 } });
    // A v1 material is not on v2's checklist.
    const stray = await t.as('shouli', {
      method: 'POST',
      url: '/api/v1/applications',
      payload: registerBody('TAX-QS-001', [v1[0].id]),
    });
    expect(stray.statusCode).toBe(400);
  });

  it('pauses the clock while the applicant supplements, and moves the due date by the pause', async () => {
    const guide = await get(null, '/api/v1/matters/TAX-QS-001');
    const c = (await post('shouli', '/api/v1/applications', registerBody('TAX-QS-001', all(guide.materials)))).case;
    expect(c.dueDate).toBe(cal.addWorkingDays('2026-11-04', 3));
    await post('shuiwu', `/api/v1/applications/${c.number}/actions/review`);
    const asked = await post('shuiwu', `/api/v1/applications/${c.number}/actions/request_supplement`, {
      reason: '合同复印件不清晰',
      materialIds: [guide.materials[1].id],
    });
    expect(asked).toMatchObject({ status: 'supplement', paused: true, warning: { level: 'none' } });
    expect(asked.notices.at(-1).kind).toBe('supplement');
    t.clock.set('2026-11-06T01:00:00Z');
    const back = await post('shouli', `/api/v1/applications/${c.number}/materials`, {
      materialIds: [guide.materials[1].id],
    });
    expect(back).toMatchObject({ status: 'reviewing', paused: false, pausedDays: 2 });
    expect(back.dueDate).toBe(cal.addWorkingDays('2026-11-04', 5));
  });

  it('turns overdue cases red on the board and reminds the department once', async () => {
    t.clock.set('2026-11-16T01:00:00Z');
    const board = await get('ducha', '/api/v1/applications/board');
    expect(board.counts.red).toBeGreaterThanOrEqual(2);
    expect(board.items[0].warning).toMatchObject({ level: 'red', reasons: expect.arrayContaining(['overdue']) });
    const job = t.kernel.jobs.find((j) => j.name === 'hall-reminders')!;
    const first = (await job.run(t.clock.now())) as { reminded: number };
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    expect(((await job.run(t.clock.now())) as { reminded: number }).reminded).toBe(0);
    const inbox = await get('shuiwu', '/api/v1/notifications');
    expect(JSON.stringify(inbox)).toContain('催办');
    const warnings = t.kernel.jobs.find((j) => j.name === 'hall-warnings')!;
    await warnings.run(t.clock.now());
    const red = await get('ducha', '/api/v1/applications?warning=red');
    expect(red.total).toBe(board.counts.red);
  });

  it('counts in every statistic exactly what the lists hold', async () => {
    const guide = await get(null, '/api/v1/matters/TAX-QS-001');
    await publishedMatter(t, 'HR-SB-001', {
      name: '城乡居民养老保险参保登记',
      departmentId: t.ids.departments.hr,
      promisedDays: 1,
      materials: [{ name: '户口簿', form: 'original', copies: 1, required: true }],
    });
    const hr = await get(null, '/api/v1/matters/HR-SB-001');
    const windows = ['A01', 'A02', 'B07'];
    for (let i = 0; i < 9; i++) {
      const tax = i % 3 !== 0;
      const mats = tax ? guide.materials : hr.materials;
      const received = i % 4 === 0 ? [mats[0].id] : all(mats);
      const who = i % 2 ? 'shouli' : 'admin';
      const r = await post(who, '/api/v1/applications', {
        ...registerBody(tax ? 'TAX-QS-001' : 'HR-SB-001', received, { window: windows[i % 3] }),
        applicant: { kind: 'person', name: `申请人${i}`, idNumber: residentId('19900101', String(100 + i)) },
      });
      if (r.case.status === 'accepted' && i % 2) {
        const side = tax ? 'shuiwu' : 'admin';
        await post(side, `/api/v1/applications/${r.case.number}/actions/review`);
        await post(side, `/api/v1/applications/${r.case.number}/actions/${i === 5 ? 'refuse' : 'approve'}`, {
          reason: '不符合条件',
        });
        await post('shouli', `/api/v1/applications/${r.case.number}/actions/issue`, {
          method: 'post',
          address: '荆州区',
        });
        await post('shouli', `/api/v1/applications/${r.case.number}/ratings`, { level: 3 + (i % 3) });
      }
    }
    await post('shouli', '/api/v1/applications/ratings', { window: 'A01', level: 1, reasons: ['attitude_bad'] });
    const stats = await get('ducha', '/api/v1/applications/stats');
    const total = async (q: string) => (await get('ducha', `/api/v1/applications?limit=1&${q}`)).total;
    expect(stats.totals.cases).toBe(await total(''));
    for (const m of stats.byMatter) expect(m.count).toBe(await total(`matterCode=${m.key}`));
    for (const d of stats.byDepartment) expect(d.count).toBe(await total(`departmentId=${d.key}`));
    for (const w of stats.byWindow) expect(w.count).toBe(await total(`window=${w.key}`));
    for (const c of stats.byClerk) expect(c.count).toBe(await total(`clerkId=${c.key}`));
    expect(stats.byClerk).toHaveLength(2);
    expect(stats.totals.decided).toBe(await total('decided=true'));
    expect(stats.totals.onTime).toBe(await total('onTime=true'));
    expect(stats.totals.noticed).toBe(await total('noticed=true'));
    expect(stats.totals.noticed).toBeGreaterThan(0);
    const ratings = async (q: string) => (await get('ducha', `/api/v1/applications/ratings?limit=1&${q}`)).total;
    for (const [level, n] of Object.entries(stats.ratings.distribution))
      expect(n).toBe(await ratings(`level=${level}`));
    expect(stats.ratings.bad).toBe(await ratings('bad=true'));
    // The public hall page shows the same year without the clerks.
    const hall = await get(null, '/api/v1/applications/hall');
    expect(hall).toMatchObject({ year: 2026, matters: 2, departments: 2 });
    expect(hall.stats.totals).toEqual(stats.totals);
    expect(hall.stats.byClerk).toEqual([]);
    expect(JSON.stringify(hall)).not.toContain('申请人');
  });

  it('keeps free-service uses at the unit value of their day and sums the year', async () => {
    const list = await get('shouli', '/api/v1/applications?limit=1');
    const number = list.items[0].number;
    await post('shouli', `/api/v1/applications/${number}/free-services`, { uses: [{ service: 'copy', quantity: 10 }] });
    await t.as('admin', {
      method: 'PUT',
      url: '/api/v1/applications/free-services',
      payload: { prices: [{ service: 'copy', unitFen: 100 }] },
    });
    await post('shouli', `/api/v1/applications/${number}/free-services`, { uses: [{ service: 'copy', quantity: 10 }] });
    const hall = await get(null, '/api/v1/applications/hall');
    expect(hall.savedThisYearFen).toBe(10 * 50 + 10 * 100);
  });
});
