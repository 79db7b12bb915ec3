import type { Static } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import { PUBLIC_STATES, RECTIFIED_STATES } from '../lifecycle/lifecycle.js';
import { isOverdue } from '../problems/problem.presenter.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { PLANNERS } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { PartInput } from './programme.schema.js';

/**
 * Programmes (e.g. a water-environment programme of 5 parts and 11 sub-projects over 3 years): the
 * parts and sub-projects are child items (parentCode) of the programme's item; each carries a
 * budget and planned years here. Progress and money roll up from the children; a multi-year part
 * keeps its own deadline (the list's long-term state), so it is not overdue while on plan.
 */
export function programmeService(rt: CampaignRuntime) {
  const db = rt.db;
  return {
    async setPart(actor: Actor, code: string, input: Static<typeof PartInput>) {
      requireRole(actor, PLANNERS);
      if (input.yearTo < input.yearFrom)
        throw new AppError('validation_failed', say('结束年份早于开始年份', 'yearTo is before yearFrom'), {
          field: 'yearTo',
        });
      return db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('problems')
          .select(['id', 'parent_id', 'lead_department_id', 'deadline'])
          .where('code', '=', code)
          .executeTakeFirst();
        if (!item) throw notFound('problem', code);
        // A part planned beyond its deadline would show overdue while still on plan: the years and the
        // deadline must agree (extend the deadline, e.g. through the long-term state, first).
        if (item.deadline && Number(item.deadline.slice(0, 4)) < input.yearTo)
          throw new AppError(
            'validation_failed',
            say(
              `${code} 的整改时限 ${item.deadline} 早于计划的最后一年 ${input.yearTo}；请先延长时限`,
              `${code} is due ${item.deadline}, before its last planned year ${input.yearTo}; ` +
                'extend its deadline first',
            ),
            { field: 'yearTo' },
          );
        if (!item.parent_id)
          throw new AppError(
            'validation_failed',
            say(
              `${code} 不属于任何规划（没有上级事项）`,
              `${code} is not a part of a programme (it has no parent item)`,
            ),
            {
              field: 'code',
            },
          );
        if (actor.role === 'department' && !actor.departmentScope.includes(item.lead_department_id ?? 0))
          throw new AppError('forbidden', say('只有牵头单位可以记录其部分', 'only the lead unit records its part'));
        const values = {
          kind: input.kind,
          budget_wan: input.budgetWan,
          spent_wan: input.spentWan ?? 0,
          year_from: input.yearFrom,
          year_to: input.yearTo,
        };
        const had = await trx
          .selectFrom('cmp_programme_parts')
          .select('problem_id')
          .where('problem_id', '=', item.id)
          .executeTakeFirst();
        if (had) await trx.updateTable('cmp_programme_parts').set(values).where('problem_id', '=', item.id).execute();
        else
          await trx
            .insertInto('cmp_programme_parts')
            .values({ problem_id: item.id, ...values })
            .execute();
        await appendCampaignEvent(trx, {
          entity: 'programme',
          entityId: item.id,
          action: 'part',
          actor,
          payload: { code, ...input },
          createdAt: rt.now().toISOString(),
        });
      });
    },

    /** Programmes: the items whose children are parts, each rolled up (newest first, at most 50). */
    async list(actor: Actor) {
      const roots = await db
        .selectFrom('cmp_programme_parts as pp')
        .innerJoin('problems as p', 'p.id', 'pp.problem_id')
        .innerJoin('problems as root', 'root.id', 'p.parent_id')
        .select(['root.code', 'root.id'])
        .distinct()
        .where('pp.kind', '=', 'part')
        .orderBy('root.id', 'desc')
        .limit(50)
        .execute();
      const all = await Promise.all(roots.map((r) => this.get(actor, r.code).catch(() => null)));
      return { items: all.filter((p) => p !== null) };
    },

    /** The programme with its parts and their sub-projects (two levels), money and progress rolled up. */
    async get(actor: Actor, code: string) {
      const root = await db
        .selectFrom('problems')
        .select(['id', 'code', 'title', 'status', 'progress_percent', 'is_public'])
        .where('code', '=', code)
        .executeTakeFirst();
      // The public reads a programme and its parts only where the items themselves are public.
      const open = (p: { is_public: number; status: string }) =>
        isStaff(actor) || (p.is_public === 1 && (PUBLIC_STATES as readonly string[]).includes(p.status));
      if (!root || !open(root)) throw notFound('problem', code);
      const parts = await db
        .selectFrom('problems as p')
        .innerJoin('cmp_programme_parts as pp', 'pp.problem_id', 'p.id')
        .innerJoin('problems as parent', 'parent.id', 'p.parent_id')
        .select([
          'p.id',
          'p.code',
          'p.title',
          'p.status',
          'p.progress_percent',
          'p.parent_id',
          'p.is_public',
          'p.deadline',
          'parent.code as parent_code',
        ])
        .select(['pp.kind', 'pp.budget_wan', 'pp.spent_wan', 'pp.year_from', 'pp.year_to'])
        .where((eb) =>
          eb.or([
            eb('p.parent_id', '=', root.id),
            eb('p.parent_id', 'in', eb.selectFrom('problems as c').select('c.id').where('c.parent_id', '=', root.id)),
          ]),
        )
        .orderBy('p.id')
        .execute()
        .then((rows) => rows.filter(open));
      const done = RECTIFIED_STATES as readonly string[];
      const today = rt.today();
      const pct = (p: { status: string; progress_percent: number }) =>
        done.includes(p.status) ? 100 : p.progress_percent;
      // Money counts at the leaves (sub-projects) where a part has them, else at the part itself.
      const leaves = parts.filter((p) => !parts.some((c) => c.parent_id === p.id));
      const budget = leaves.reduce((s, p) => s + Number(p.budget_wan), 0);
      const spent = leaves.reduce((s, p) => s + Number(p.spent_wan), 0);
      const progress =
        budget > 0
          ? Math.round(leaves.reduce((s, p) => s + pct(p) * Number(p.budget_wan), 0) / budget)
          : leaves.length
            ? Math.round(leaves.reduce((s, p) => s + pct(p), 0) / leaves.length)
            : pct(root);
      return {
        code: root.code,
        title: root.title,
        progressPercent: progress,
        budgetWan: budget,
        spentWan: spent,
        yearFrom: parts.length ? Math.min(...parts.map((p) => p.year_from)) : null,
        yearTo: parts.length ? Math.max(...parts.map((p) => p.year_to)) : null,
        parts: parts.map((p) => ({
          code: p.code,
          title: p.title,
          kind: p.kind,
          status: p.status,
          progressPercent: pct(p),
          budgetWan: Number(p.budget_wan),
          spentWan: Number(p.spent_wan),
          yearFrom: p.year_from,
          yearTo: p.year_to,
          parentCode: p.parent_code,
          deadline: p.deadline,
          overdue: isOverdue(p, today),
        })),
      };
    },
  };
}
