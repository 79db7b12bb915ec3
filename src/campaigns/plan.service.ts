import type { Static } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import { backSchedule } from '../supervision/planned-progress.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { requireCampaignWrite } from './campaign-access.js';
import { CAMPAIGN_DESK, type CampaignRuntime } from './campaign-runtime.js';
import type { PlanInput } from './campaign-plan.schema.js';
import { loadCampaign } from './campaign.service.js';
import { itemBriefQuery, presentBrief } from './subject.repository.js';

type Measure = Static<typeof PlanInput>['measures'][number];

/**
 * The measures' due dates: as given, or back-scheduled from the campaign's deadline on the
 * supervision calendar (working days, holidays, 调休) by each measure's share of the time.
 */
export function scheduleMeasures(rt: CampaignRuntime, measures: Measure[], start: string, deadline: string) {
  measures.forEach((m, i) => {
    if (m.dueDate && m.dueDate > deadline)
      throw new AppError(
        'validation_failed',
        say(
          `措施“${m.name}”的完成日期 ${m.dueDate} 晚于专项行动截止日期 ${deadline}`,
          `measure "${m.name}" is due ${m.dueDate}, after the campaign deadline ${deadline}`,
        ),
        {
          field: `measures/${i}/dueDate`,
        },
      );
  });
  if (measures.every((m) => m.dueDate))
    return measures.map((m) => ({ name: m.name, dueDate: m.dueDate!, weight: m.weight }));
  const templates = measures.map((m) => ({
    name: m.name,
    weight: m.weight,
    fraction: m.fraction ?? 1 / measures.length,
  }));
  return backSchedule(templates, deadline, start, rt.supervision.store.calendar()).map((m, i) => ({
    ...m,
    dueDate: measures[i].dueDate ?? m.dueDate,
  }));
}

/** One plan per subject (一企一策): a child item of the campaign's item, with its measures as milestones. */
export function planService(rt: CampaignRuntime) {
  return {
    async add(actor: Actor, campaignId: number, input: Static<typeof PlanInput>) {
      return rt.db.transaction().execute(async (trx) => {
        const c = await loadCampaign(trx, campaignId);
        requireCampaignWrite(actor, c.department_id);
        const subject = await trx
          .selectFrom('cmp_subjects')
          .selectAll()
          .where('id', '=', input.subjectId)
          .executeTakeFirst();
        if (!subject)
          throw new AppError(
            'validation_failed',
            say(`对象 ${input.subjectId} 不存在`, `subject ${input.subjectId} does not exist`),
            { field: 'subjectId' },
          );
        const dup = await trx
          .selectFrom('cmp_plans')
          .select('id')
          .where('campaign_id', '=', c.id)
          .where('subject_id', '=', subject.id)
          .executeTakeFirst();
        if (dup)
          throw new AppError(
            'conflict',
            say(`${subject.name} 在本专项行动中已有整改方案`, `${subject.name} already has a plan in this campaign`),
            { planId: dup.id },
          );
        const start = input.startDate ?? rt.today();
        const milestones = scheduleMeasures(rt, input.measures, start, c.deadline);
        const created = await rt.problems.problems.create(
          CAMPAIGN_DESK,
          {
            title: `${subject.name}：${c.name}（一企一策）`.slice(0, 200),
            description: [
              `${c.name}整改方案（一企一策）`,
              `整改对象：${subject.name}${subject.credit_code ? `（${subject.credit_code}）` : ''}`,
              ...input.measures.map((m, i) => `${i + 1}. ${m.name}`),
            ].join('\n'),
            areaId: subject.area_id,
            isPublic: c.is_public === 1,
            sourceCode: 'campaign',
            parentCode: c.code,
          },
          undefined,
          trx,
        );
        const code = created.problem.code;
        await rt.problems.actions.actWithin(trx, CAMPAIGN_DESK, code, 'accept', { note: '一企一策' });
        await rt.problems.actions.actWithin(trx, CAMPAIGN_DESK, code, 'assign', {
          leadDepartmentId: c.department_id,
          deadline: c.deadline,
          measures: input.measures.map((m) => m.name).join('；'),
        });
        await rt.milestones.setPlanWithin(trx, CAMPAIGN_DESK, code, milestones, {
          source: 'campaign',
          campaignId: c.id,
        });
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_plans')
          .values({ campaign_id: c.id, subject_id: subject.id, problem_id: created.id, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendCampaignEvent(trx, {
          entity: 'plan',
          entityId: id,
          action: 'create',
          actor,
          payload: { campaignId: c.id, subjectId: subject.id, item: code, milestones },
          createdAt: now,
        });
        return { id, code, milestones };
      });
    },
  };
}

/** A campaign's plans with their milestones (missed = past due and not done) and active measures. */
export async function plansOf(rt: CampaignRuntime, campaignId: number) {
  const db = rt.db;
  const plans = await itemBriefQuery(db)
    .innerJoin('cmp_plans as pl', 'pl.problem_id', 'p.id')
    .innerJoin('cmp_subjects as s', 's.id', 'pl.subject_id')
    .select(['pl.id as plan_id', 'pl.subject_id', 's.name as subject_name'])
    .where('pl.campaign_id', '=', campaignId)
    .orderBy('pl.id')
    .execute();
  const ids = plans.map((p) => p.id);
  const [ms, active] = await Promise.all([
    ids.length
      ? db.selectFrom('milestones').selectAll().where('problem_id', 'in', ids).orderBy('sort').execute()
      : Promise.resolve([]),
    db
      .selectFrom('cmp_enforcement')
      .select(['subject_id', 'kind'])
      .where('campaign_id', '=', campaignId)
      .where('lifted_on', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  const today = rt.today();
  return plans.map((p) => ({
    id: p.plan_id,
    subjectId: p.subject_id,
    subjectName: p.subject_name,
    item: presentBrief(p, { subjectId: p.subject_id, subjectName: p.subject_name }),
    milestones: ms
      .filter((m) => m.problem_id === p.id)
      .map((m) => ({
        id: m.id,
        name: m.name,
        dueDate: m.due_date,
        weight: m.weight,
        done: m.done_at !== null,
        missed: m.done_at === null && m.due_date < today,
      })),
    activeMeasures: active.filter((a) => a.subject_id === p.subject_id).map((a) => a.kind),
  }));
}
