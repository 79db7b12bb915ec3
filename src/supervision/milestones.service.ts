import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import { appendEvent } from '../audit/audit.repository.js';
import { isValidDate } from '../shared/time.js';
import { backSchedule, type Milestone } from './planned-progress.js';
import { PLAN_TEMPLATES } from './plan-templates.js';
import { loadFor } from './supervision-access.js';
import { ensureSupervisionRow, recomputeWarning } from './warnings.service.js';
import type { SupervisionRuntime } from './runtime.js';

const PLANNABLE = ['assigned', 'in_progress', 'long_term'];

export interface MilestoneInput {
  name: string;
  dueDate: string;
  weight: number;
  done?: boolean;
}

/** Recompute the item and the parent whose roll-up it feeds, in the writing transaction. */
export async function recomputeWithParent(rt: SupervisionRuntime, trx: Db, problemId: number): Promise<void> {
  await recomputeWarning(rt, trx, problemId);
  const row = await trx.selectFrom('problems').select('parent_id').where('id', '=', problemId).executeTakeFirst();
  if (row?.parent_id) await recomputeWarning(rt, trx, row.parent_id);
}

/** The back-scheduled plan (倒排时间) of an item: milestones set by its lead unit. */
export function milestoneService(rt: SupervisionRuntime) {
  const db = rt.db;

  async function replace(trx: Db, actor: Actor, code: string, input: MilestoneInput[], how: Record<string, unknown>) {
    const { row } = await loadFor(rt, trx, actor, code, 'plan');
    if (!PLANNABLE.includes(row.status)) {
      throw new AppError(
        'invalid_transition',
        say(
          `只有已交办或整改中的事项才能制定计划（当前为 ${row.status}）`,
          `a plan can be set only while the item is assigned or in progress (it is ${row.status})`,
        ),
        { state: row.status },
      );
    }
    const limit = row.status === 'long_term' ? (row.checkpoint_date ?? row.deadline) : row.deadline;
    input.forEach((m, i) => {
      if (!isValidDate(m.dueDate))
        throw new AppError(
          'validation_failed',
          say(`第 ${i + 1} 个节点：完成日期不是有效日期`, `milestone ${i + 1}: dueDate is not a date`),
          {
            field: `milestones/${i}/dueDate`,
          },
        );
      if (limit && m.dueDate > limit) {
        throw new AppError(
          'validation_failed',
          say(
            `节点“${m.name}”的完成日期 ${m.dueDate} 晚于整改时限 ${limit}；请改为申请延期`,
            `milestone "${m.name}" is due ${m.dueDate}, after the deadline ${limit}; ask for an extension instead`,
          ),
          { field: `milestones/${i}/dueDate` },
        );
      }
    });
    const now = rt.now().toISOString();
    await trx.deleteFrom('milestones').where('problem_id', '=', row.id).execute();
    if (input.length) {
      await trx
        .insertInto('milestones')
        .values(
          input.map((m, i) => ({
            problem_id: row.id,
            name: m.name,
            due_date: m.dueDate,
            weight: m.weight,
            done_at: m.done ? now : null,
            sort: i,
            created_by: actor.id,
            created_at: now,
          })),
        )
        .execute();
    }
    await appendEvent(trx, {
      problemId: row.id,
      action: 'plan',
      actorId: actor.id,
      actorName: actor.name,
      role: actor.role,
      fromState: row.status,
      toState: row.status,
      payload: { ...how, milestones: input.map((m) => ({ name: m.name, dueDate: m.dueDate, weight: m.weight })) },
      reason: null,
      isPublic: true,
      createdAt: now,
    });
    await ensureSupervisionRow(trx, row.id);
    await recomputeWithParent(rt, trx, row.id);
    return row;
  }

  return {
    /** Sets a plan in the caller's transaction (a campaign's 一企一策 plan item, created at once). */
    setPlanWithin: (trx: Db, actor: Actor, code: string, input: MilestoneInput[], how: Record<string, unknown>) =>
      replace(trx, actor, code, input, how),

    async setPlan(actor: Actor, code: string, input: MilestoneInput[]) {
      return db.transaction().execute((trx) => replace(trx, actor, code, input, { source: 'manual' }));
    },

    /** Spread a standard template backwards from the deadline, starting today (or the given date). */
    async fromTemplate(actor: Actor, code: string, template: string, startDate?: string) {
      const tpl = PLAN_TEMPLATES[template];
      if (!tpl)
        throw new AppError(
          'validation_failed',
          say(`没有名为“${template}”的计划模板`, `no plan template "${template}"`),
          {
            field: 'template',
            known: Object.keys(PLAN_TEMPLATES),
          },
        );
      return db.transaction().execute(async (trx) => {
        const { row } = await loadFor(rt, trx, actor, code, 'plan');
        const deadline = row.status === 'long_term' ? (row.checkpoint_date ?? row.deadline) : row.deadline;
        if (!deadline)
          throw new AppError(
            'validation_failed',
            say('该事项没有整改时限，无法倒排计划', 'the item has no deadline to plan back from'),
            { field: 'deadline' },
          );
        const start = startDate ?? rt.today();
        if (start > deadline)
          throw new AppError(
            'validation_failed',
            say(`开始日期 ${start} 晚于整改时限 ${deadline}`, `start ${start} is after the deadline ${deadline}`),
            {
              field: 'startDate',
            },
          );
        const ms: Milestone[] = backSchedule(tpl.milestones, deadline, start, rt.store.calendar());
        return replace(
          trx,
          actor,
          code,
          ms.map((m) => ({ name: m.name, dueDate: m.dueDate, weight: m.weight })),
          { source: 'template', template },
        );
      });
    },

    async markDone(actor: Actor, code: string, milestoneId: number, done: boolean) {
      return db.transaction().execute(async (trx) => {
        const { row } = await loadFor(rt, trx, actor, code, 'plan');
        const m = await trx
          .selectFrom('milestones')
          .selectAll()
          .where('id', '=', milestoneId)
          .where('problem_id', '=', row.id)
          .executeTakeFirst();
        if (!m)
          throw new AppError(
            'not_found',
            say(`事项 ${code} 上没有节点 ${milestoneId}`, `milestone ${milestoneId} was not found on ${code}`),
            {
              what: 'milestone',
              key: milestoneId,
            },
          );
        const now = rt.now().toISOString();
        await trx
          .updateTable('milestones')
          .set({ done_at: done ? now : null })
          .where('id', '=', m.id)
          .execute();
        await appendEvent(trx, {
          problemId: row.id,
          action: done ? 'milestone_done' : 'milestone_reopened',
          actorId: actor.id,
          actorName: actor.name,
          role: actor.role,
          fromState: row.status,
          toState: row.status,
          payload: { milestoneId: m.id, name: m.name, dueDate: m.due_date, late: done && rt.today() > m.due_date },
          reason: null,
          isPublic: true,
          createdAt: now,
        });
        await recomputeWithParent(rt, trx, row.id);
        return row;
      });
    },

    /** How much a child item weighs in its parent's roll-up. */
    async setRollupWeight(actor: Actor, code: string, weight: number) {
      return db.transaction().execute(async (trx) => {
        const { row } = await loadFor(rt, trx, actor, code, 'plan');
        await ensureSupervisionRow(trx, row.id);
        await trx
          .updateTable('item_supervision')
          .set({ rollup_weight: weight })
          .where('problem_id', '=', row.id)
          .execute();
        await recomputeWithParent(rt, trx, row.id);
        return row;
      });
    },
  };
}
