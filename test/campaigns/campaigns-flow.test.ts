/**
 * A campaign over HTTP on both databases: 东区臭气扰民 with 20 subject plans (一企一策) whose
 * measures are back-scheduled on the working-day calendar; a milestone after the deadline, an
 * unknown subject and enforcement outside the campaign store nothing; a missed milestone leads to
 * a sealing, lifted after rectification; a failed panel sends the item back, an accepting one
 * verifies it; the public sees the campaign complete without contacts; both chains verify.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fingerprint } from '../hardening/fuzz-support.js';
import { verifyChain } from '../../src/audit/audit.repository.js';
import { verifyCampaignChain } from '../../src/campaigns/campaign-audit.js';
import { defaultCalendar } from '../../src/supervision/calendar.js';
import { creditCode, odourMeasures } from './campaign-fixtures.js';

const DIALECTS = await dialects();
const DEADLINE = '2027-03-31';

describe.each(DIALECTS)('campaign flow (%s)', (dialect) => {
  let t: TestApp;
  let campaignId = 0;
  let campaignCode = '';
  const subjects: number[] = [];
  const post = (who: string | null, url: string, payload: object = {}) => t.as(who, { method: 'POST', url, payload });
  const get = (who: string | null, url: string) => t.as(who, { method: 'GET', url });
  const campaign = async (who: string | null = 'ducha') => (await get(who, `/api/v1/campaigns/${campaignId}`)).json();

  beforeAll(async () => {
    // The walk spans months of the campaign: sessions outlive it.
    t = await createTestApp(dialect, { sessionDays: 365 });
    for (const who of ['admin', 'ducha', 'shengtai', 'jiaoyu', 'shouli']) await t.login(who);
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the campaign as an item assigned to its department', async () => {
    const res = await post('ducha', '/api/v1/campaigns', {
      name: '东区臭气扰民专项整治',
      description: '开发区东区20家重点企业一企一策整改，周督月结',
      departmentId: t.ids.departments.eco,
      startDate: '2026-11-02',
      deadline: DEADLINE,
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ id: campaignId, code: campaignCode } = res.json());
    const item = (await get('ducha', `/api/v1/problems/${campaignCode}`)).json().problem;
    expect(item).toMatchObject({ status: 'assigned', deadline: DEADLINE });
    for (let i = 1; i <= 21; i++) {
      const s = await post('admin', '/api/v1/subjects', {
        kind: 'enterprise',
        name: `东区重点企业${i}号`,
        creditCode: creditCode(100 + i),
        contactName: `负责人${i}`,
        contactPhone: '13800000000',
        departmentId: t.ids.departments.eco,
      });
      expect(s.statusCode, s.body).toBe(201);
      subjects.push(s.json().id);
    }
  });

  it('refuses bad plans and stores nothing', async () => {
    const before = await fingerprint(t.tdb.db);
    const late = await post('shengtai', `/api/v1/campaigns/${campaignId}/plans`, {
      subjectId: subjects[0],
      measures: [{ name: '整改', weight: 100, dueDate: '2027-04-30' }],
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details.field).toBe('measures/0/dueDate');
    const unknown = await post('shengtai', `/api/v1/campaigns/${campaignId}/plans`, {
      subjectId: 99_999,
      measures: odourMeasures,
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      (
        await post('jiaoyu', `/api/v1/campaigns/${campaignId}/plans`, {
          subjectId: subjects[0],
          measures: odourMeasures,
        })
      ).statusCode,
    ).toBe(403);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
  });

  it('back-schedules 20 plans on the working-day calendar and rolls them up', async () => {
    const cal = defaultCalendar();
    for (const subjectId of subjects.slice(0, 20)) {
      const res = await post('shengtai', `/api/v1/campaigns/${campaignId}/plans`, {
        subjectId,
        measures: odourMeasures,
      });
      expect(res.statusCode, res.body).toBe(201);
      const due = res.json().milestones.map((m: { dueDate: string }) => m.dueDate);
      expect(due.at(-1)).toBe(DEADLINE);
      expect([...due].sort()).toEqual(due);
      for (const d of due) expect(cal.isWorkingDay(d), d).toBe(true);
    }
    const dup = await post('shengtai', `/api/v1/campaigns/${campaignId}/plans`, {
      subjectId: subjects[0],
      measures: odourMeasures,
    });
    expect(dup.statusCode).toBe(409);
    const c = await campaign();
    expect(c).toMatchObject({ plans: 20, plansDone: 0, progressPercent: 0 });
    const child = (await get('ducha', `/api/v1/problems/${c.planList[0].item.code}`)).json().problem;
    expect(child).toMatchObject({ parentCode: campaignCode, status: 'assigned', deadline: DEADLINE });
    // Department staff of another unit see neither the campaign nor its subjects.
    expect((await get('jiaoyu', `/api/v1/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await get('jiaoyu', `/api/v1/subjects/${subjects[0]}`)).statusCode).toBe(404);
  });

  it('records a sealing on a missed milestone, refuses one outside the campaign, lifts it', async () => {
    const first = (await campaign()).planList[0];
    const m = first.milestones[0];
    t.clock.set(`${m.dueDate}T02:00:00Z`);
    t.clock.advanceDays(3);
    const missed = (await campaign()).planList[0].milestones[0];
    expect(missed).toMatchObject({ id: m.id, missed: true, done: false });
    const today = t.clock.now().toISOString().slice(0, 10);
    const body = {
      subjectId: subjects[0],
      kind: 'sealed',
      decidedOn: today,
      legalBasis: '《中华人民共和国大气污染防治法》第一百零八条',
      departmentId: t.ids.departments.eco,
      docNumber: '荆环封〔2027〕1号',
      milestoneId: m.id,
    };
    const before = await fingerprint(t.tdb.db);
    const outside = await post('shengtai', `/api/v1/campaigns/${campaignId}/enforcement`, {
      ...body,
      subjectId: subjects[20],
    });
    expect(outside.statusCode).toBe(400);
    const otherMilestone = (await campaign()).planList[1].milestones[0].id;
    expect(
      (await post('shengtai', `/api/v1/campaigns/${campaignId}/enforcement`, { ...body, milestoneId: otherMilestone }))
        .statusCode,
    ).toBe(400);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    const sealed = await post('shengtai', `/api/v1/campaigns/${campaignId}/enforcement`, body);
    expect(sealed.statusCode, sealed.body).toBe(201);
    for (const [i, kind] of [
      [1, 'staggered'],
      [2, 'summoned'],
      [3, 'summoned'],
    ] as const)
      expect(
        (
          await post('shengtai', `/api/v1/campaigns/${campaignId}/enforcement`, {
            ...body,
            subjectId: subjects[i],
            kind,
            milestoneId: null,
          })
        ).statusCode,
      ).toBe(201);
    let c = await campaign();
    expect(c.enforcement).toEqual({ sealed: 1, staggered: 1, summoned: 2, lifted: 0 });
    expect(c.planList[0].activeMeasures).toEqual(['sealed']);
    expect(c.enforcementList[0]).toMatchObject({ milestoneName: m.name, docNumber: '荆环封〔2027〕1号' });
    const lift = { liftedOn: today, docNumber: '荆环解封〔2027〕1号', note: '整改完成，恢复生产' };
    const url = `/api/v1/campaigns/${campaignId}/enforcement/${sealed.json().id}/lift`;
    expect((await post('shengtai', url, lift)).statusCode).toBe(204);
    expect((await post('shengtai', url, lift)).statusCode).toBe(409);
    c = await campaign();
    expect(c.enforcement.lifted).toBe(1);
    expect(c.planList[0].activeMeasures).toEqual([]);
    const subject = (await get('shengtai', `/api/v1/subjects/${subjects[0]}`)).json();
    expect(subject.enforcement[0]).toMatchObject({ kind: 'sealed', liftDocNumber: '荆环解封〔2027〕1号' });
    expect(subject.plans[0].campaignId).toBe(campaignId);
  });

  it("judges the campaign by a residents' panel and shows it complete publicly", async () => {
    for (const plan of (await campaign()).planList) {
      expect((await act(t, 'shengtai', plan.item.code, 'sign')).statusCode).toBe(200);
      expect((await act(t, 'shengtai', plan.item.code, 'rectify', { evidence: '在线监测达标' })).statusCode).toBe(200);
    }
    expect(await campaign()).toMatchObject({ plansDone: 20, progressPercent: 100 });
    await act(t, 'shengtai', campaignCode, 'sign');
    expect((await act(t, 'shengtai', campaignCode, 'rectify', { evidence: '20家企业全部完成整改' })).statusCode).toBe(
      200,
    );
    const members = [
      { name: '李阿姨', role: 'resident', contact: '13700001234', rating: 5, comment: '晚上能开窗了' },
      { name: '赵代表', role: 'deputy', rating: 5 },
    ];
    const url = `/api/v1/campaigns/acceptance/${campaignCode}`;
    const before = await fingerprint(t.tdb.db);
    const bad = await post('shouli', url, {
      result: 'accepted',
      decidedOn: '2027-01-10',
      members: [{ ...members[0], rating: 6 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(await fingerprint(t.tdb.db)).toEqual(before);
    const failed = await post('shouli', url, {
      result: 'failed',
      decidedOn: '2027-01-10',
      members: members.map((m) => ({ ...m, rating: 2 })),
    });
    expect(failed.statusCode, failed.body).toBe(201);
    expect((await get('ducha', `/api/v1/problems/${campaignCode}`)).json().problem.status).toBe('in_progress');
    await act(t, 'shengtai', campaignCode, 'rectify', { evidence: '夜间巡查（零点行动）无异味' });
    const ok = await post('shouli', url, { result: 'accepted', decidedOn: '2027-01-20', note: '非常满意', members });
    expect(ok.statusCode, ok.body).toBe(201);
    const pub = await campaign(null);
    expect(pub).toMatchObject({ status: 'verified', accepted: true, progressPercent: 100, plans: 20 });
    expect(pub.panels).toHaveLength(2);
    expect(pub.panels[1]).toMatchObject({ result: 'accepted', averageRating: 5 });
    expect(pub.panels[1].members[0].contact).toBeNull();
    expect((await get(null, `/api/v1/subjects/${subjects[0]}`)).json().subject.contactPhone).toBeNull();
    expect((await campaign('ducha')).panels[1].members[0].contact).toBe('13700001234');
  });

  it('keeps both hash chains whole', async () => {
    expect((await verifyChain(t.tdb.db)).ok).toBe(true);
    const chain = await verifyCampaignChain(t.tdb.db);
    expect(chain.ok, chain.message ?? '').toBe(true);
    expect(chain.checked).toBeGreaterThan(40);
  });
});
