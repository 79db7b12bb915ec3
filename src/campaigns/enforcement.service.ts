import type { Static } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { requireCampaignWrite } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { EnforcementInput, LiftInput } from './campaign-plan.schema.js';
import { loadCampaign } from './campaign.service.js';

function enforcementQuery(db: Db) {
  return db
    .selectFrom('cmp_enforcement as e')
    .innerJoin('cmp_subjects as s', 's.id', 'e.subject_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('milestones as m', 'm.id', 'e.milestone_id')
    .selectAll('e')
    .select(['s.name as subject_name', 'd.name as department_name', 'm.name as milestone_name'])
    .orderBy('e.decided_on')
    .orderBy('e.id');
}

const present = (r: Awaited<ReturnType<ReturnType<typeof enforcementQuery>['execute']>>[number]) => ({
  id: r.id,
  campaignId: r.campaign_id,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  kind: r.kind,
  decidedOn: r.decided_on,
  legalBasis: r.legal_basis,
  departmentName: r.department_name,
  docNumber: r.doc_number,
  attachmentId: r.attachment_id,
  milestoneId: r.milestone_id,
  milestoneName: r.milestone_name,
  note: r.note,
  liftedOn: r.lifted_on,
  liftDocNumber: r.lift_doc_number,
});

export const enforcementOfCampaign = async (db: Db, campaignId: number) =>
  (await enforcementQuery(db).where('e.campaign_id', '=', campaignId).execute()).map(present);
export const enforcementOfSubject = async (db: Db, subjectId: number) =>
  (await enforcementQuery(db).where('e.subject_id', '=', subjectId).execute()).map(present);

/** Counts per kind for a page of campaigns, with `lifted` for measures since lifted. */
export async function enforcementCounts(db: Db, campaignIds: number[]) {
  const out = new Map<number, Record<string, number>>();
  if (!campaignIds.length) return out;
  const rows = await db
    .selectFrom('cmp_enforcement')
    .select([
      'campaign_id',
      'kind',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('lifted_on').as('lifted'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .groupBy(['campaign_id', 'kind'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.campaign_id) ?? {};
    c[r.kind] = Number(r.n);
    c.lifted = (c.lifted ?? 0) + Number(r.lifted);
    out.set(r.campaign_id, c);
  }
  return out;
}

/** Enforcement (执法措施): sealed, staggered, summoned …; each on a subject with a plan in the campaign. */
export function enforcementService(rt: CampaignRuntime) {
  const db = rt.db;
  return {
    async record(actor: Actor, campaignId: number, input: Static<typeof EnforcementInput>) {
      return db.transaction().execute(async (trx) => {
        const c = await loadCampaign(trx, campaignId);
        requireCampaignWrite(actor, c.department_id);
        const plan = await trx
          .selectFrom('cmp_plans')
          .select(['id', 'problem_id'])
          .where('campaign_id', '=', c.id)
          .where('subject_id', '=', input.subjectId)
          .executeTakeFirst();
        if (!plan)
          throw new AppError(
            'validation_failed',
            say(
              `对象 ${input.subjectId} 不在专项行动 ${c.id} 中`,
              `subject ${input.subjectId} is not in campaign ${c.id}`,
            ),
            {
              field: 'subjectId',
            },
          );
        if (input.milestoneId) {
          const m = await trx
            .selectFrom('milestones')
            .select('id')
            .where('id', '=', input.milestoneId)
            .where('problem_id', '=', plan.problem_id)
            .executeTakeFirst();
          if (!m)
            throw new AppError(
              'validation_failed',
              say(
                `节点 ${input.milestoneId} 不在该对象的整改方案中`,
                `milestone ${input.milestoneId} is not on this subject's plan`,
              ),
              {
                field: 'milestoneId',
              },
            );
        }
        const dept = await trx
          .selectFrom('departments')
          .select('id')
          .where('id', '=', input.departmentId)
          .executeTakeFirst();
        if (!dept)
          throw new AppError(
            'validation_failed',
            say(`部门 ${input.departmentId} 不存在`, `department ${input.departmentId} does not exist`),
            {
              field: 'departmentId',
            },
          );
        if (input.decidedOn > rt.today())
          throw new AppError('validation_failed', say('措施须在作出决定后记录', 'a measure is recorded once decided'), {
            field: 'decidedOn',
          });
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_enforcement')
          .values({
            campaign_id: c.id,
            subject_id: input.subjectId,
            kind: input.kind,
            decided_on: input.decidedOn,
            legal_basis: input.legalBasis,
            department_id: input.departmentId,
            doc_number: input.docNumber,
            attachment_id: input.attachmentId ?? null,
            milestone_id: input.milestoneId ?? null,
            note: input.note ?? null,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendCampaignEvent(trx, {
          entity: 'enforcement',
          entityId: id,
          action: 'record',
          actor,
          payload: { campaignId: c.id, ...input },
          createdAt: now,
        });
        return id;
      });
    },

    async lift(actor: Actor, campaignId: number, enforcementId: number, input: Static<typeof LiftInput>) {
      return db.transaction().execute(async (trx) => {
        const c = await loadCampaign(trx, campaignId);
        requireCampaignWrite(actor, c.department_id);
        const e = await trx
          .selectFrom('cmp_enforcement')
          .selectAll()
          .where('id', '=', enforcementId)
          .where('campaign_id', '=', c.id)
          .executeTakeFirst();
        if (!e) throw notFound('enforcement', enforcementId);
        if (e.lifted_on)
          throw new AppError(
            'conflict',
            say(`措施 ${e.id} 已于 ${e.lifted_on} 解除`, `measure ${e.id} was lifted on ${e.lifted_on}`),
          );
        if (input.liftedOn < e.decided_on)
          throw new AppError(
            'validation_failed',
            say('解除日期不能早于决定日期', 'a measure is lifted after it was decided'),
            { field: 'liftedOn' },
          );
        await trx
          .updateTable('cmp_enforcement')
          .set({ lifted_on: input.liftedOn, lift_doc_number: input.docNumber, lift_note: input.note ?? null })
          .where('id', '=', e.id)
          .execute();
        await appendCampaignEvent(trx, {
          entity: 'enforcement',
          entityId: e.id,
          action: 'lift',
          actor,
          payload: { campaignId: c.id, ...input },
          createdAt: rt.now().toISOString(),
        });
      });
    },
  };
}
