import type { Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import { RECTIFIED_STATES } from '../lifecycle/lifecycle.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { CAMPAIGN_OFFICE, citywide } from './campaign-access.js';
import { CAMPAIGN_DESK, type CampaignRuntime } from './campaign-runtime.js';
import type { CampaignInput, CampaignListQuery } from './campaign-plan.schema.js';
import { enforcementCounts, enforcementOfCampaign } from './enforcement.service.js';
import { ensureSource } from './findings.js';
import { panelsOf } from './panel.service.js';
import { plansOf } from './plan.service.js';

const DONE = RECTIFIED_STATES as readonly string[];

/** A campaign row with its item, for the services that act on it. */
export async function loadCampaign(dbx: Db, id: number) {
  const c = await dbx
    .selectFrom('cmp_campaigns as c')
    .innerJoin('problems as p', 'p.id', 'c.problem_id')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .selectAll('c')
    .select(['p.code', 'p.status', 'p.description', 'd.name as department_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('campaign', id);
  return c;
}
type CampaignRow = Awaited<ReturnType<typeof loadCampaign>>;

/** Campaigns (专项整治): an item with one plan per subject (一企一策) as child items. */
export function campaignService(rt: CampaignRuntime) {
  const db = rt.db;

  function readable(actor: Actor) {
    let q = db
      .selectFrom('cmp_campaigns as c')
      .innerJoin('problems as p', 'p.id', 'c.problem_id')
      .innerJoin('departments as d', 'd.id', 'c.department_id');
    if (!isStaff(actor)) q = q.where('c.is_public', '=', 1);
    else if (!citywide(actor))
      q = q.where('c.department_id', 'in', actor.departmentScope.length ? actor.departmentScope : [0]);
    return q;
  }

  /** Roll-up from the plans (finished plans count whole) and enforcement counts, for a page of campaigns. */
  async function figures(ids: number[]) {
    if (!ids.length) return new Map<number, { plans: number; done: number; progress: number }>();
    const rows = await db
      .selectFrom('cmp_plans as pl')
      .innerJoin('problems as p', 'p.id', 'pl.problem_id')
      .select([
        'pl.campaign_id',
        sql<number>`count(*)`.as('plans'),
        sql<number>`sum(case when p.status in (${sql.join(DONE)}) then 1 else 0 end)`.as('done'),
        sql<number>`avg(case when p.status in (${sql.join(DONE)}) then 100 else p.progress_percent end)`.as('progress'),
      ])
      .where('pl.campaign_id', 'in', ids)
      .groupBy('pl.campaign_id')
      .execute();
    return new Map(
      rows.map((r) => [
        r.campaign_id,
        { plans: Number(r.plans), done: Number(r.done), progress: Math.round(Number(r.progress ?? 0)) },
      ]),
    );
  }

  async function present(rows: Array<CampaignRow>) {
    const ids = rows.map((r) => r.id);
    const [fig, counts, accepted] = await Promise.all([
      figures(ids),
      enforcementCounts(db, ids),
      ids.length
        ? db
            .selectFrom('cmp_panels')
            .select('problem_id')
            .where('result', '=', 'accepted')
            .where(
              'problem_id',
              'in',
              rows.map((r) => r.problem_id),
            )
            .execute()
        : Promise.resolve([]),
    ]);
    const acceptedIds = new Set(accepted.map((a) => a.problem_id));
    return rows.map((r) => {
      const f = fig.get(r.id) ?? { plans: 0, done: 0, progress: 0 };
      return {
        id: r.id,
        name: r.name,
        code: r.code,
        status: r.status,
        departmentId: r.department_id,
        departmentName: r.department_name,
        startDate: r.start_date,
        deadline: r.deadline,
        isPublic: r.is_public === 1,
        plans: f.plans,
        plansDone: f.done,
        progressPercent: DONE.includes(r.status) ? 100 : f.progress,
        enforcement: counts.get(r.id) ?? {},
        accepted: acceptedIds.has(r.problem_id),
      };
    });
  }

  const columns = ['p.code', 'p.status', 'p.description', 'd.name as department_name'] as const;

  return {
    async create(actor: Actor, input: Static<typeof CampaignInput>) {
      requireRole(actor, CAMPAIGN_OFFICE);
      const start = input.startDate ?? rt.today();
      if (input.deadline < start)
        throw new AppError(
          'validation_failed',
          say(
            `截止日期 ${input.deadline} 早于开始日期 ${start}`,
            `the deadline ${input.deadline} is before the start ${start}`,
          ),
          {
            field: 'deadline',
          },
        );
      return db.transaction().execute(async (trx) => {
        const sourceCode = await ensureSource(rt, trx, 'campaign');
        const created = await rt.problems.problems.create(
          CAMPAIGN_DESK,
          {
            title: input.name,
            description: input.description,
            areaId: input.areaId ?? null,
            isPublic: input.isPublic !== false,
            sourceCode,
          },
          undefined,
          trx,
        );
        const code = created.problem.code;
        const acts = rt.problems.actions;
        await acts.actWithin(trx, CAMPAIGN_DESK, code, 'accept', { note: '专项整治立项' });
        await acts.actWithin(trx, CAMPAIGN_DESK, code, 'assign', {
          leadDepartmentId: input.departmentId,
          deadline: input.deadline,
          measures: '一企一策，周督月结',
        });
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_campaigns')
          .values({
            problem_id: created.id,
            name: input.name,
            department_id: input.departmentId,
            start_date: start,
            deadline: input.deadline,
            is_public: input.isPublic === false ? 0 : 1,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendCampaignEvent(trx, {
          entity: 'campaign',
          entityId: id,
          action: 'create',
          actor,
          payload: { name: input.name, item: code, departmentId: input.departmentId, deadline: input.deadline },
          createdAt: now,
        });
        return { id, code };
      });
    },

    async list(actor: Actor, q: Static<typeof CampaignListQuery>) {
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const [rows, count] = await Promise.all([
        readable(actor).selectAll('c').select(columns).orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
        readable(actor).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: await present(rows), total: Number(count.n), limit, offset };
    },

    async get(actor: Actor, id: number) {
      const row = await readable(actor).selectAll('c').select(columns).where('c.id', '=', id).executeTakeFirst();
      if (!row) throw notFound('campaign', id);
      const [view] = await present([row]);
      return {
        ...view,
        description: row.description,
        planList: await plansOf(rt, row.id),
        enforcementList: await enforcementOfCampaign(db, row.id),
        panels: await panelsOf(db, row.problem_id, isStaff(actor)),
      };
    },
  };
}
