import type { SeedContext } from './demo-seed.js';
import { localDate } from '../shared/time.js';
import { CORE_FEATURES } from '../features.js';
import { notifyFeature } from '../notify/notify.feature.js';
import { jobsFeature } from '../jobs/jobs.feature.js';
import { supervisionFeature } from '../supervision/supervision.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { milestoneService } from '../supervision/milestones.service.js';
import { extensionService } from '../supervision/extensions.service.js';
import { boardService } from '../supervision/board.service.js';
import { settlementService } from '../assessment/settlement.service.js';
import { previousMonth } from '../assessment/month-window.js';
import { addDays } from '../supervision/calendar.js';

const DAY = 86_400_000;

/** One enterprise in the east-zone odour campaign (一企一策) and how its month has gone. */
interface Enterprise {
  name: string;
  story: 'on_track' | 'deadline_near' | 'behind' | 'silent' | 'overdue' | 'extended';
}
const ENTERPRISES: Enterprise[] = [
  { name: '荆州市恒达化工有限公司', story: 'on_track' },
  { name: '荆州开发区华鑫涂料厂', story: 'deadline_near' },
  { name: '荆州市远东制药有限公司', story: 'behind' },
  { name: '荆州开发区金瑞橡胶制品厂', story: 'silent' },
  { name: '荆州市宏业皮革有限公司', story: 'overdue' },
  { name: '荆州开发区新源饲料有限公司', story: 'extended' },
];

/**
 * Supervision in the demo city: a running campaign with a back-scheduled plan per enterprise,
 * weekly reports, warnings of every colour, supervision actions, extensions, and the two months
 * before this one settled, so a newcomer sees a living campaign.
 */
export async function seedSupervisionDemo(ctx: SeedContext, realNow: Date, log: (m: string) => void): Promise<void> {
  const { actors, ids } = ctx;
  // From here on, writes run supervision's hook and deadlines follow the working-day calendar.
  const k = await ctx.kernelWith([...CORE_FEATURES, notifyFeature, jobsFeature, supervisionFeature]);
  await k.start();
  const rt = k.of(supervisionFeature);
  const services = k.of(problemsFeature);
  const jobs = k.of(jobsFeature).runner;
  const tz = ctx.config.timezone;
  const at = (daysAgo: number, hour = 2) => {
    const d = new Date(realNow.getTime() - daysAgo * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    ctx.setNow(d);
  };
  const today = localDate(realNow, tz);
  const cal = rt.store.calendar();
  const plans = milestoneService(rt);
  const act = (
    who: string,
    code: string,
    action: Parameters<typeof services.actions.act>[2],
    input: Record<string, unknown> = {},
  ) => services.actions.act(actors[who], code, action, input);

  // The campaign item groups one child item per enterprise; progress rolls up by weight.
  at(30);
  const create = (title: string, description: string, parentCode?: string) =>
    services.problems.create(actors.shouli, {
      title,
      description,
      categoryId: ids.categories.odour,
      areaId: ids.areas['jz-kfq'],
      sourceCode: 'inspection',
      tagIds: [ids.tags.livelihood, ids.tags['leader-owned']],
      anonymous: true,
      ...(parentCode && { parentCode }),
    });
  const parent = (
    await create(
      '东区企业异味一企一策专项整治（冬季攻坚）',
      '开发区东区六家重点企业异味扰民，按一企一策逐户制定整改清单，倒排工期、每周调度。',
    )
  ).problem.code;
  await act('shouli', parent, 'assign', {
    leadDepartmentId: ids.departments.eco,
    deadline: cal.addWorkingDays(today, 25),
    ownerLeaderId: ids.users.shuji,
    measures: '一企一策，倒排时间，每周调度，逾期约谈',
  });
  await act('shengtai', parent, 'sign');

  for (const [i, e] of ENTERPRISES.entries()) {
    at(30, 3 + i);
    const code = (
      await create(`${e.name}异味整改`, `${e.name}生产过程中废气收集处理不到位，周边居民反映夜间异味明显。`, parent)
    ).problem.code;
    const deadline =
      e.story === 'overdue'
        ? addDays(today, -4)
        : e.story === 'deadline_near'
          ? cal.addWorkingDays(today, 2)
          : e.story === 'extended'
            ? addDays(today, 6)
            : cal.addWorkingDays(today, 12 + i);
    await act('shouli', code, 'assign', {
      leadDepartmentId: ids.departments['eco-kfq'],
      deadline,
      responsiblePerson: '开发区生态环境分局 刘洋',
      measures: '安装废气收集装置，更换活性炭，夜间错峰生产',
    });
    at(30, 4 + i); // signed for within the two-hour limit
    await act('shengtai', code, 'sign');
    await plans.fromTemplate(actors.shengtai, code, 'campaign', localDate(ctx.now(), tz));
    // Weekly reports; a silent unit stops reporting, a slow one falls behind its plan.
    const reports: Array<[daysAgo: number, percent: number]> = {
      on_track: [
        [22, 15],
        [15, 30],
        [8, 45],
        [1, 60],
      ],
      deadline_near: [
        [22, 25],
        [15, 50],
        [8, 75],
        [1, 90],
      ],
      behind: [
        [22, 15],
        [15, 30],
        [8, 40],
        [1, 48],
      ],
      silent: [
        [22, 20],
        [15, 35],
      ],
      overdue: [
        [22, 20],
        [15, 30],
        [8, 40],
      ],
      extended: [
        [22, 25],
        [15, 45],
        [8, 60],
        [1, 76],
      ],
    }[e.story] as Array<[number, number]>;
    const { milestones } = await boardService(rt).item(actors.ducha, code);
    for (const [daysAgo, percent] of reports) {
      at(daysAgo, 6);
      // Units that keep up tick off the milestones that fell due before each report.
      const now = localDate(ctx.now(), tz);
      if (e.story !== 'behind' && e.story !== 'overdue') {
        for (const m of milestones.filter((x) => x.dueDate <= now && !x.doneAt)) {
          await plans.markDone(actors.shengtai, code, m.id, true);
          m.doneAt = now;
        }
      }
      await act('shengtai', code, 'progress', {
        text: `第${Math.round((30 - daysAgo) / 7)}周：废气治理设施安装完成${percent}%`,
        percent,
      });
    }
    if (e.story === 'extended') {
      at(5, 3);
      const ext = await extensionService(rt).request(actors.shengtai, code, {
        reason: '活性炭吸附装置供货延迟，需延长两周',
        requestedDeadline: cal.addWorkingDays(today, 12),
      });
      at(4, 3);
      await extensionService(rt).decide(actors.ducha, code, ext.id, {
        decision: 'grant',
        note: '同意延期，逾期将予以通报',
      });
    }
    if (e.story === 'behind') {
      at(2, 3);
      await extensionService(rt).request(actors.shengtai, code, {
        reason: '企业停产检修，整改进度滞后',
        requestedDeadline: cal.addWorkingDays(today, 30),
      });
    }
  }

  // Supervision actions of the last weeks, on items and on units.
  const board = boardService(rt);
  at(10, 3);
  await board.recordAction(actors.ducha, {
    kind: 'letter',
    departmentId: ids.departments.urban,
    text: '关于加快推进共享单车停放秩序整治的督办函：请于本月底前完成全部停放区施划。',
    people: ['城管委主任'],
  });
  at(6, 3);
  await board.recordAction(actors.ducha, {
    kind: 'flagged',
    problemCode: parent,
    text: '东区企业异味问题列为市级挂牌督办事项，每周调度。',
    people: ['市委书记 张建国', '生态环境局局长'],
  });
  at(1, 3);
  const tapWater = await ctx.db
    .selectFrom('problems')
    .select('code')
    .where('title', 'like', '%山口村%')
    .executeTakeFirst();
  if (tapWater)
    await board.recordAction(actors.shizhang, {
      kind: 'reminder',
      problemCode: tapWater.code,
      text: '请水利和湖泊局加快山口村供水管网施工，春节前让群众喝上自来水。',
      people: ['水利和湖泊局局长'],
    });

  // Now: compute every warning, escalate overdue items, check last week's reports.
  ctx.setNow(realNow);
  await jobs.run('warnings');
  await jobs.run('reminders');
  await jobs.run('weekly-reports');
  const overdueChild = await ctx.db
    .selectFrom('problems')
    .select('code')
    .where('title', 'like', '%宏业皮革%')
    .executeTakeFirst();
  if (overdueChild) {
    await board.recordAction(actors.ducha, {
      kind: 'summons',
      problemCode: overdueChild.code,
      text: '宏业皮革异味整改逾期未完成，约谈开发区生态环境分局及企业负责人。',
      people: ['开发区生态环境分局局长', '宏业皮革法定代表人'],
    });
    await board.recordAction(actors.ducha, {
      kind: 'notice',
      problemCode: overdueChild.code,
      text: '通报：宏业皮革异味整改逾期，责令限期完成。',
      people: [],
    });
  }

  // The two finished months before this one are settled; this month stays live.
  const thisMonth = today.slice(0, 7);
  for (const month of [previousMonth(previousMonth(thisMonth)), previousMonth(thisMonth)]) {
    await settlementService(rt).settle(actors.ducha, month);
  }
  const levels = await ctx.db
    .selectFrom('item_supervision')
    .select(['warning_level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('warning_level')
    .execute();
  log(`demo: supervision seeded (warnings ${levels.map((l) => `${l.warning_level} ${Number(l.n)}`).join(', ')})`);
  await k.close();
}
