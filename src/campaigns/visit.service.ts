import type { Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { RECORDERS } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { FindingInputT, VisitInput, VisitListQuery } from './campaign.schema.js';
import { createFindings } from './findings.js';
import { itemBriefQuery, presentBrief, readableItems } from './subject.repository.js';

/** Field-research visits (调研走访): each finding an item of the list, owned by the leader. */
export function visitService(rt: CampaignRuntime) {
  const db = rt.db;

  function listed(actor: Actor) {
    let q = db.selectFrom('cmp_visits as v');
    if (!isStaff(actor)) q = q.where('v.is_public', '=', 1);
    return q;
  }
  const counted = [
    'v.id',
    'v.leader_id',
    'v.leader_name',
    'v.visit_date',
    'v.area_id',
    'v.place',
    'v.topic',
    'v.met',
    'v.is_public',
  ] as const;
  const present = (r: any) => ({
    id: r.id,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    visitDate: r.visit_date,
    areaId: r.area_id,
    place: r.place,
    topic: r.topic,
    met: r.met,
    isPublic: r.is_public === 1,
    problemsFound: Number(r.found ?? 0),
    livelihood: Number(r.livelihood ?? 0),
  });
  const withCounts = (q: ReturnType<typeof listed>) =>
    q
      .select(counted)
      .select((eb) => [
        eb
          .selectFrom('cmp_findings as f')
          .whereRef('f.visit_id', '=', 'v.id')
          .select(eb.fn.countAll().as('n'))
          .as('found'),
        eb
          .selectFrom('cmp_findings as f')
          .whereRef('f.visit_id', '=', 'v.id')
          .where('f.livelihood', '=', 1)
          .select(eb.fn.countAll().as('n'))
          .as('livelihood'),
      ]);

  async function addFindings(actor: Actor, visitId: number, findings: FindingInputT[]) {
    requireRole(actor, RECORDERS);
    return db.transaction().execute(async (trx) => {
      const v = await trx.selectFrom('cmp_visits').selectAll().where('id', '=', visitId).executeTakeFirst();
      if (!v) throw notFound('visit', visitId);
      const codes = await createFindings(
        rt,
        trx,
        actor,
        { visitId, foundOn: v.visit_date, ownerLeaderId: v.leader_id, areaId: v.area_id },
        findings,
      );
      await appendCampaignEvent(trx, {
        entity: 'visit',
        entityId: visitId,
        action: 'findings',
        actor,
        payload: { items: codes },
        createdAt: rt.now().toISOString(),
      });
      return codes;
    });
  }

  return {
    addFindings,
    async create(actor: Actor, input: Static<typeof VisitInput>) {
      requireRole(actor, RECORDERS);
      if (input.visitDate > rt.today())
        throw new AppError('validation_failed', say('走访须在进行后记录', 'a visit is recorded after it took place'), {
          field: 'visitDate',
        });
      return db.transaction().execute(async (trx) => {
        const leader = await trx
          .selectFrom('users')
          .select(['id', 'display_name as name', 'role'])
          .where('id', '=', input.leaderId)
          .executeTakeFirst();
        if (leader?.role !== 'leader')
          throw new AppError(
            'validation_failed',
            say(`用户 ${input.leaderId} 不是领导`, `user ${input.leaderId} is not a leader`),
            { field: 'leaderId' },
          );
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_visits')
          .values({
            leader_id: leader.id,
            leader_name: leader.name,
            visit_date: input.visitDate,
            area_id: input.areaId ?? null,
            place: input.place,
            topic: input.topic,
            met: input.met ?? '',
            is_public: input.isPublic === false ? 0 : 1,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const codes = await createFindings(
          rt,
          trx,
          actor,
          { visitId: id, foundOn: input.visitDate, ownerLeaderId: leader.id, areaId: input.areaId },
          input.findings,
        );
        await appendCampaignEvent(trx, {
          entity: 'visit',
          entityId: id,
          action: 'create',
          actor,
          payload: { leaderId: leader.id, visitDate: input.visitDate, place: input.place, items: codes },
          createdAt: now,
        });
        return { id, items: codes };
      });
    },

    async list(actor: Actor, q: Static<typeof VisitListQuery>) {
      let base = listed(actor);
      if (q.leaderId) base = base.where('v.leader_id', '=', q.leaderId);
      if (q.month)
        base = base.where('v.visit_date', '>=', `${q.month}-01`).where('v.visit_date', '<=', `${q.month}-31`);
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const [rows, count] = await Promise.all([
        withCounts(base).orderBy('v.visit_date', 'desc').orderBy('v.id', 'desc').limit(limit).offset(offset).execute(),
        base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(present), total: Number(count.n), limit, offset };
    },

    async get(actor: Actor, id: number) {
      const row = await withCounts(listed(actor).where('v.id', '=', id)).executeTakeFirst();
      if (!row) throw notFound('visit', id);
      const items = await readableItems(
        itemBriefQuery(db)
          .innerJoin('cmp_findings as f', 'f.problem_id', 'p.id')
          .leftJoin('cmp_subjects as s', 's.id', 'f.subject_id')
          .select(['f.livelihood', 'f.subject_id', 's.name as subject_name'])
          .where('f.visit_id', '=', id),
        actor,
      )
        .orderBy('p.id')
        .execute();
      const briefs = items.map((r) =>
        presentBrief(r, { livelihood: r.livelihood === 1, subjectId: r.subject_id, subjectName: r.subject_name }),
      );
      return { ...present(row), items: briefs };
    },
  };
}
