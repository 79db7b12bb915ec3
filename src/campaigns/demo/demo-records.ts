import type { DemoContext } from '../../feature.js';
import type { Kernel } from '../../kernel.js';
import { addDays } from '../../shared/time.js';
import { appendCampaignEvent } from '../campaign-audit.js';
import type { CampaignsState } from '../campaigns.feature.js';
import { ensureSource } from '../findings.js';
import { VISIT_FINDINGS, VISIT_PLACES, VISIT_SCALE, WATER_PROGRAMME } from './demo-data.js';

/** The core story's three forum items, now linked to the forum they were raised at. */
const FORUM_POINTS = [
  { title: '开发区上下班通勤公交太少', subject: 0 },
  { title: '检修停电通知太晚影响生产', subject: 1 },
  { title: '开发区技能人才短缺', subject: 2 },
];

export async function seedDemoForum(s: CampaignsState, k: Kernel, demo: DemoContext, subjects: number[]) {
  const today = s.rt.today();
  const year = `${today.slice(5) >= '11-11' ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1}`;
  const forumDate = `${year}-11-11`;
  const { id } = await s.forums.create(demo.actors.shouli, {
    title: '荆州开发区企业专题调研会',
    host: '市委书记 张建国',
    forumDate,
    place: '荆州开发区管委会第一会议室',
    attendees: '开发区20家重点企业负责人，市发改委、人社局、交通运输局、供电公司',
    minutes: '企业反映通勤公交不足、检修停电通知滞后、职业培训与企业需求不匹配等问题，会议要求逐条建立清单、限时办结。',
    subjectIds: subjects.slice(0, 6),
    points: [],
  });
  await k.db.transaction().execute(async (trx) => {
    await ensureSource(s.rt, trx, 'forum');
    for (const p of FORUM_POINTS) {
      const item = await trx.selectFrom('problems').select('id').where('title', '=', p.title).executeTakeFirst();
      if (!item) continue;
      await trx
        .insertInto('cmp_findings')
        .values({
          forum_id: id,
          subject_id: subjects[p.subject],
          problem_id: item.id,
          livelihood: 0,
          found_on: forumDate,
        })
        .execute();
      await appendCampaignEvent(trx, {
        entity: 'forum',
        entityId: id,
        action: 'link',
        actor: demo.actors.shouli,
        payload: { problemId: item.id },
        createdAt: s.rt.now().toISOString(),
      });
    }
  });
  // A point the story lacks: training that does not match the factories.
  await s.forums.addPoints(demo.actors.shouli, id, [
    {
      title: '职业培训与工厂需求不匹配',
      description: '培训课程偏理论，企业急需的数控、焊接实操培训少',
      subjectId: subjects[3],
    },
  ]);
}

/** Leaders' visits in the seed's proportion; the first is 青山村's sewage, owned by the party secretary. */
export async function seedDemoVisits(s: CampaignsState, demo: DemoContext, today: string) {
  const leaders = [demo.ids.users.shuji, demo.ids.users.shizhang];
  let finding = 0;
  for (let v = 0; v < VISIT_SCALE.visits; v++) {
    const date = addDays(today, -3 - Math.floor((v * 120) / VISIT_SCALE.visits));
    demo.setNow(new Date(`${date}T06:00:00Z`));
    const [place, topic] = VISIT_PLACES[v % VISIT_PLACES.length];
    const count = v < VISIT_SCALE.problems - VISIT_SCALE.visits ? 2 : 1;
    const findings = Array.from({ length: count }, () => {
      const [title, description] = VISIT_FINDINGS[finding % VISIT_FINDINGS.length];
      const livelihood = finding < VISIT_SCALE.livelihood;
      finding++;
      return { title: `${place}${title}`, description, livelihood };
    });
    await s.visits.create(demo.actors.ducha, {
      leaderId: v === 0 ? demo.ids.users.shuji : leaders[v % 2],
      visitDate: date,
      place,
      topic,
      met: '村（社区）干部、群众代表、企业负责人',
      findings,
    });
  }
  demo.setNow(demo.realNow);
}

/** The water-environment programme: parts and sub-projects as child items with budgets and years. */
export async function seedDemoProgramme(s: CampaignsState, demo: DemoContext) {
  const { actors, ids } = demo;
  const today = s.rt.today();
  const year = Number(today.slice(0, 4));
  const desk = actors.shouli;
  const acts = s.rt.problems.actions;
  const item = async (title: string, parentCode: string | undefined, years: number) => {
    const { problem } = await s.rt.problems.problems.create(desk, {
      title,
      description: `${WATER_PROGRAMME.title}：${title}`,
      sourceCode: 'campaign',
      ...(parentCode && { parentCode }),
    });
    await acts.act(desk, problem.code, 'assign', {
      leadDepartmentId: ids.departments.water,
      deadline: `${year + years}-12-31`,
    });
    return problem.code;
  };
  const root = await item(WATER_PROGRAMME.title, undefined, 2);
  let n = 0;
  for (const [i, part] of WATER_PROGRAMME.parts.entries()) {
    const partCode = await item(part.title, root, 2);
    await s.programmes.setPart(actors.admin, partCode, {
      kind: 'part',
      budgetWan: 0,
      yearFrom: year,
      yearTo: year + 2,
    });
    for (const sub of part.subs) {
      const code = await item(sub, partCode, 1 + (n % 2));
      const budget = 800 + ((n * 1370) % 5200);
      const done = n % 3 === 0;
      await s.programmes.setPart(actors.admin, code, {
        kind: 'subproject',
        budgetWan: budget,
        spentWan: done ? budget : Math.round(budget * 0.4),
        yearFrom: year + (i > 2 ? 1 : 0),
        yearTo: year + 1 + (n % 2),
      });
      if (done) {
        await acts.act(actors.shuili, code, 'sign', {});
        await acts.act(actors.shuili, code, 'rectify', { evidence: '子项目竣工验收' });
      }
      n++;
    }
  }
}
