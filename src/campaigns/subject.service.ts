import type { Static } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { citywide, RECORDERS } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { SubjectInput, SubjectListQuery } from './campaign.schema.js';
import { checkCreditCode } from './credit-code.js';
import {
  itemBriefQuery,
  presentBrief,
  presentSubject,
  readableItems,
  subjectColumns,
  subjectQuery,
} from './subject.repository.js';
import { enforcementOfSubject } from './enforcement.service.js';

/** Subjects (对象): enterprises with their credit code, estates, villages, schools, markets. */
export function subjectService(rt: CampaignRuntime) {
  const db = rt.db;

  /** Department staff see subjects of their department and of their campaigns' plans. */
  function scoped(actor: Actor) {
    let q = subjectQuery(db);
    if (!isStaff(actor)) q = q.where('s.is_public', '=', 1);
    else if (!citywide(actor)) {
      const scope = actor.departmentScope.length ? actor.departmentScope : [0];
      q = q.where((eb) =>
        eb.or([
          eb('s.department_id', 'in', scope),
          eb.exists(
            eb
              .selectFrom('cmp_plans as pl')
              .innerJoin('cmp_campaigns as c', 'c.id', 'pl.campaign_id')
              .select('pl.id')
              .whereRef('pl.subject_id', '=', 's.id')
              .where('c.department_id', 'in', scope),
          ),
        ]),
      );
    }
    return q;
  }

  async function find(actor: Actor, id: number) {
    const row = await scoped(actor).select(subjectColumns).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('subject', id);
    return row;
  }

  return {
    async create(actor: Actor, input: Static<typeof SubjectInput>) {
      requireRole(actor, RECORDERS);
      const creditCode = checkCreditCode(input.creditCode, input.kind);
      let departmentId = input.departmentId ?? null;
      if (actor.role === 'department') {
        departmentId ??= actor.departmentId;
        if (departmentId === null || !actor.departmentScope.includes(departmentId))
          throw new AppError(
            'forbidden',
            say('部门人员只能记录本部门的对象', 'department staff record subjects of their own department only'),
          );
      }
      return db.transaction().execute(async (trx) => {
        if (creditCode) {
          const dup = await trx
            .selectFrom('cmp_subjects')
            .select('id')
            .where('credit_code', '=', creditCode)
            .executeTakeFirst();
          if (dup)
            throw new AppError(
              'conflict',
              say(
                `统一社会信用代码为 ${creditCode} 的对象已存在（${dup.id}）`,
                `a subject with credit code ${creditCode} exists (${dup.id})`,
              ),
              {
                field: 'creditCode',
                existingId: dup.id,
              },
            );
        }
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_subjects')
          .values({
            kind: input.kind,
            name: input.name.trim(),
            credit_code: creditCode,
            area_id: input.areaId ?? null,
            address: input.address ?? null,
            contact_name: input.contactName ?? null,
            contact_phone: input.contactPhone ?? null,
            department_id: departmentId,
            is_public: input.isPublic === false ? 0 : 1,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendCampaignEvent(trx, {
          entity: 'subject',
          entityId: id,
          action: 'create',
          actor,
          payload: { kind: input.kind, name: input.name, creditCode },
          createdAt: now,
        });
        return id;
      });
    },

    async list(actor: Actor, q: Static<typeof SubjectListQuery>) {
      let base = scoped(actor);
      if (q.kind) base = base.where('s.kind', '=', q.kind);
      if (q.q) base = base.where('s.name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const [rows, count] = await Promise.all([
        base.select(subjectColumns).orderBy('s.id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const contact = isStaff(actor);
      return { items: rows.map((r) => presentSubject(r, contact)), total: Number(count.n), limit, offset };
    },

    async get(actor: Actor, id: number) {
      const row = await find(actor, id);
      const findings = await readableItems(
        itemBriefQuery(db)
          .innerJoin('cmp_findings as f', 'f.problem_id', 'p.id')
          .select('f.livelihood')
          .where('f.subject_id', '=', id),
        actor,
      )
        .orderBy('p.id')
        .execute();
      const plans = await readableItems(
        itemBriefQuery(db)
          .innerJoin('cmp_plans as pl', 'pl.problem_id', 'p.id')
          .innerJoin('cmp_campaigns as c', 'c.id', 'pl.campaign_id')
          .select(['pl.id as plan_id', 'c.id as campaign_id', 'c.name as campaign_name'])
          .where('pl.subject_id', '=', id),
        actor,
      )
        .orderBy('pl.id')
        .execute();
      return {
        subject: presentSubject(row, isStaff(actor)),
        items: findings.map((r) => presentBrief(r, { livelihood: r.livelihood === 1 })),
        plans: plans.map((p) => ({
          planId: p.plan_id,
          campaignId: p.campaign_id,
          campaignName: p.campaign_name,
          item: presentBrief(p),
        })),
        enforcement: isStaff(actor) || row.is_public === 1 ? await enforcementOfSubject(db, id) : [],
      };
    },
  };
}
