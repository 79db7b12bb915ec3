import type { DemoContext } from '../../feature.js';
import type { Kernel } from '../../kernel.js';
import { addDays } from '../../shared/time.js';
import type { CampaignsState } from '../campaigns.feature.js';
import { DEMO_ENTERPRISES, ODOUR_CAMPAIGN_NAME, ODOUR_MEASURES } from './demo-data.js';
import { seedDemoForum, seedDemoProgramme, seedDemoVisits } from './demo-records.js';

/**
 * The campaign's story in the demo city (docs/campaigns.md): the 11 November development-zone
 * forum with its three points, leaders' visits in the seed's proportion (青山村 sewage owned by the
 * party secretary), the east-district odour campaign with 20 enterprises' plans, its enforcement
 * (5 sealed, 15 staggered, 32 summoned), a residents' panel that accepted it, and the
 * water-environment programme. Everything through the services, on the demo's moving clock.
 */
export async function seedCampaignsDemo(s: CampaignsState, k: Kernel, demo: DemoContext): Promise<void> {
  const started = Date.now();
  const today = s.rt.today();
  const at = (date: string) => demo.setNow(new Date(`${date}T02:00:00Z`));
  const { actors, ids } = demo;
  const subjects: number[] = [];
  for (const e of DEMO_ENTERPRISES)
    subjects.push(
      await s.subjects.create(actors.admin, {
        kind: 'enterprise',
        name: e.name,
        creditCode: e.creditCode,
        areaId: ids.areas['jz-kfq'],
        address: '荆州开发区东区',
        contactName: '企业环保负责人',
        contactPhone: '0716-8000000',
        departmentId: ids.departments.eco,
      }),
    );
  await seedDemoForum(s, k, demo, subjects);
  await seedDemoVisits(s, demo, today);

  // The campaign ran most of a year and finished a month ago.
  const start = addDays(today, -330);
  const deadline = addDays(today, -40);
  at(start);
  const { id, code } = await s.campaigns.create(actors.ducha, {
    name: ODOUR_CAMPAIGN_NAME,
    description: '开发区东区20家重点企业实行《一企一策》整改清单，周督月结；逾期未完成里程碑的依法查封。',
    departmentId: ids.departments.eco,
    startDate: start,
    deadline,
    areaId: ids.areas['jz-kfq'],
  });
  const eco = actors.shengtai;
  const plans: Array<{ code: string; milestones: Array<{ dueDate: string }> }> = [];
  for (const subjectId of subjects)
    plans.push(await s.plans.add(eco, id, { subjectId, measures: ODOUR_MEASURES, startDate: start }));
  const firstDue = plans[0].milestones[0].dueDate;
  at(addDays(firstDue, 5));
  const detail = await s.campaigns.get(actors.ducha, id);
  const base = { legalBasis: '《中华人民共和国大气污染防治法》第九十九条', departmentId: ids.departments.eco };
  const today1 = s.rt.today();
  for (const [i, plan] of detail.planList.entries()) {
    const m = plan.milestones[0];
    if (i < 5)
      await s.enforcement.record(eco, id, {
        ...base,
        subjectId: plan.subjectId,
        kind: 'sealed',
        decidedOn: today1,
        docNumber: `荆开环封〔${today1.slice(0, 4)}〕${i + 1}号`,
        milestoneId: m.id,
        note: '未按期完成废气设施改造',
      });
    else
      await s.enforcement.record(eco, id, {
        ...base,
        subjectId: plan.subjectId,
        kind: 'staggered',
        decidedOn: today1,
        docNumber: `荆开环错〔${today1.slice(0, 4)}〕${i - 4}号`,
        note: '重污染时段错峰生产',
      });
    for (let n = 0; n < (i < 12 ? 2 : 1); n++)
      await s.enforcement.record(eco, id, {
        ...base,
        subjectId: plan.subjectId,
        kind: 'summoned',
        decidedOn: today1,
        docNumber: `荆开环约〔${today1.slice(0, 4)}〕${i * 2 + n + 1}号`,
        note: '约谈企业负责人',
      });
  }
  // Every plan met its measures before the deadline; the sealings were lifted after rectification.
  at(addDays(deadline, -10));
  const acts = s.rt.problems.actions;
  for (const plan of detail.planList) {
    for (const m of plan.milestones) await s.rt.milestones.markDone(eco, plan.item.code, m.id, true);
    await acts.act(eco, plan.item.code, 'sign', {});
    await acts.act(eco, plan.item.code, 'rectify', { evidence: '在线监测连续30日达标，夜间巡查（零点行动）无异味' });
  }
  const recorded = (await s.campaigns.get(actors.ducha, id)).enforcementList;
  for (const e of recorded.filter((x) => x.kind === 'sealed' || x.kind === 'staggered'))
    await s.enforcement.lift(eco, id, e.id, {
      liftedOn: s.rt.today(),
      docNumber: `${e.docNumber}解`,
      note: '整改完成',
    });
  await acts.act(eco, code, 'sign', {});
  await acts.act(eco, code, 'rectify', { evidence: '20家企业全部完成一企一策整改，东区异味投诉清零' });
  at(addDays(deadline, -3));
  await s.panels.record(actors.shouli, code, {
    result: 'accepted',
    decidedOn: s.rt.today(),
    note: '非常满意',
    members: [
      { name: '李秀英', role: 'resident', contact: '13707160001', rating: 5, comment: '晚上终于能开窗了' },
      { name: '王建华', role: 'resident', contact: '13707160002', rating: 5, comment: '异味基本没有了' },
      { name: '陈志强', role: 'deputy', rating: 5, comment: '整治效果明显' },
      { name: '刘洋', role: 'enterprise', rating: 4, comment: '企业也得到了提升' },
      { name: '赵敏', role: 'official', rating: 5 },
    ],
  });
  demo.setNow(demo.realNow);
  await seedDemoProgramme(s, demo);
  demo.log(`campaigns: 20 plans, forum, visits, programme (${Date.now() - started} ms)`);
}
