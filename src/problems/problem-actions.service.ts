import type { Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ProblemTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { appendEvent } from '../audit/audit.repository.js';
import { decide, TRANSITIONS, type Action, type State } from '../lifecycle/lifecycle.js';
import * as repo from './problem.repository.js';
import { lifecycleContext } from './problem-access.js';
import { runAfterWrite } from './problem-hooks.js';
import type { Loaded, ProblemDeps, ProblemService } from './problem.service.js';
import { validateDepartments } from './problem-validation.js';
import { linkAttachments } from '../attachments/attachment.repository.js';

type Input = Record<string, any>;

/** The 5-level rating (好差评) and the verification result each level means. */
const RATING_RESULT: Record<number, string> = {
  5: 'satisfied',
  4: 'satisfied',
  3: 'basically_satisfied',
  2: 'unsatisfied',
  1: 'unsatisfied',
};
type Effect = { patch: Updateable<ProblemTable>; payload: Record<string, unknown>; reason: string | null };

/** What each action changes on the item, beyond its state. Guards live in the lifecycle table. */
async function effectOf(
  trx: Db,
  deps: ProblemDeps,
  action: Action,
  l: Loaded,
  input: Input,
  now: string,
  today: string,
): Promise<Effect> {
  const row = l.row;
  const reason = typeof input.reason === 'string' ? input.reason : null;
  switch (action) {
    case 'merge': {
      const target = await repo.findProblemByCode(trx, input.targetCode);
      if (!target)
        throw new AppError('validation_failed', `item ${input.targetCode} does not exist`, { field: 'targetCode' });
      if (target.id === row.id)
        throw new AppError('validation_failed', 'an item cannot be merged into itself', { field: 'targetCode' });
      if (target.status === 'merged')
        throw new AppError('validation_failed', `item ${target.code} is itself a duplicate; merge into its master`, {
          field: 'targetCode',
        });
      await repo.updateProblem(trx, target.id, {
        report_count: target.report_count + row.report_count,
        updated_at: now,
      });
      const payload = { duplicateCode: row.code, reportCount: target.report_count + row.report_count };
      const ev = await appendEvent(trx, {
        problemId: target.id,
        action: 'duplicate_merged',
        actorId: null,
        actorName: 'system',
        role: 'system',
        fromState: target.status,
        toState: target.status,
        payload,
        reason: null,
        isPublic: true,
        createdAt: now,
      });
      await runAfterWrite(deps.hooks, trx, {
        problemId: target.id,
        code: target.code,
        action: 'duplicate_merged',
        eventId: ev.id,
        fromState: target.status,
        toState: target.status,
        payload,
        actorId: null,
      });
      return { patch: { merged_into_id: target.id }, payload: { targetCode: target.code }, reason };
    }
    case 'assign': {
      const co: number[] = (input.coDepartmentIds ?? []).filter((d: number) => d !== input.leadDepartmentId);
      await validateDepartments(trx, [input.leadDepartmentId], 'leadDepartmentId');
      await validateDepartments(trx, co, 'coDepartmentIds');
      if (input.ownerLeaderId) {
        const leader = await trx
          .selectFrom('users')
          .select(['id', 'role'])
          .where('id', '=', input.ownerLeaderId)
          .executeTakeFirst();
        if (leader?.role !== 'leader')
          throw new AppError('validation_failed', `user ${input.ownerLeaderId} is not a leader`, {
            field: 'ownerLeaderId',
          });
      }
      const category = row.category_id
        ? await trx
            .selectFrom('categories')
            .select('time_limit_tier')
            .where('id', '=', row.category_id)
            .executeTakeFirst()
        : undefined;
      const deadline: string =
        input.deadline ??
        deps.hooks.deadlines.defaultDeadline(today, category?.time_limit_tier ?? 'simple', row.urgency);
      if (deadline < today)
        throw new AppError('validation_failed', 'the deadline is in the past', { field: 'deadline' });
      await repo.setCoDepartments(trx, row.id, co);
      const names = await trx
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('id', 'in', [input.leadDepartmentId, ...co])
        .execute();
      const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? String(id);
      return {
        patch: {
          lead_department_id: input.leadDepartmentId,
          deadline,
          owner_leader_id: input.ownerLeaderId ?? row.owner_leader_id,
          responsible_person: input.responsiblePerson ?? row.responsible_person,
          measures: input.measures ?? row.measures,
          assigned_at: now,
          signed_at: null,
        },
        payload: {
          leadDepartmentId: input.leadDepartmentId,
          leadDepartmentName: nameOf(input.leadDepartmentId),
          coDepartmentIds: co,
          coDepartmentNames: co.map(nameOf),
          deadline,
          deadlineDefaulted: input.deadline === undefined,
          ownerLeaderId: input.ownerLeaderId ?? null,
        },
        reason,
      };
    }
    case 'sign':
      return { patch: { signed_at: now }, payload: { note: input.note ?? null }, reason };
    case 'return': {
      await repo.setCoDepartments(trx, row.id, []);
      return {
        patch: { lead_department_id: null, deadline: null, signed_at: null, assigned_at: null },
        payload: { previousLeadDepartmentId: row.lead_department_id },
        reason,
      };
    }
    case 'progress':
      return {
        patch: { progress_percent: input.percent },
        payload: { text: input.text, percent: input.percent },
        reason,
      };
    case 'rectify':
      return { patch: { rectified_at: now, progress_percent: 100 }, payload: { evidence: input.evidence }, reason };
    case 'verify': {
      const method = input.method ?? (l.hasToken ? 'reporter' : 'callback');
      if (input.rating !== undefined && RATING_RESULT[input.rating] !== input.result) {
        throw new AppError(
          'validation_failed',
          `a rating of ${input.rating} means "${RATING_RESULT[input.rating]}", not "${input.result}"`,
          { field: 'rating' },
        );
      }
      const redo = input.result === 'unsatisfied';
      return {
        patch: redo
          ? {
              satisfaction: input.result,
              redo_count: row.redo_count + 1,
              rectified_at: null,
              progress_percent: Math.min(row.progress_percent, 90),
            }
          : { satisfaction: input.result },
        payload: { result: input.result, rating: input.rating ?? null, comment: input.comment ?? null, method },
        reason,
      };
    }
    case 'close':
      return { patch: { closed_at: now }, payload: { note: input.note ?? null }, reason };
    case 'reopen':
      return { patch: { closed_at: null, rectified_at: null }, payload: {}, reason };
    case 'long_term':
      return {
        patch: { checkpoint_date: input.checkpointDate },
        payload: { checkpointDate: input.checkpointDate },
        reason,
      };
    case 'note':
      return { patch: {}, payload: { text: input.text }, reason };
    case 'accept':
      return { patch: {}, payload: { note: input.note ?? null }, reason };
    case 'reject':
      return { patch: {}, payload: {}, reason };
  }
}

export function problemActions(deps: ProblemDeps, problems: ProblemService) {
  return {
    async act(actor: Actor, code: string, action: Action, input: Input, token?: string) {
      const result = await deps.db.transaction().execute(async (trx) => {
        const l = await problems.load(trx, actor, code, token);
        const ctx = lifecycleContext(actor, l.row, l.coDepartmentIds, l.hasToken);
        const d = decide(l.row.status as State, action, ctx, input);
        if (!d.ok) {
          const code =
            d.refusal === 'missing_input'
              ? 'validation_failed'
              : d.refusal === 'forbidden' && actor.kind === 'anonymous' && !l.hasToken
                ? 'unauthenticated'
                : d.refusal;
          throw new AppError(code, d.message, {
            state: l.row.status,
            action,
            allowed: d.allowed,
            ...(d.missing && { missing: d.missing }),
          });
        }
        const now = deps.clock().toISOString();
        const effect = await effectOf(trx, deps, action, l, input, now, problems.today());
        const stateChanged = d.to !== l.row.status;
        await repo.updateProblem(trx, l.row.id, { ...effect.patch, status: d.to, updated_at: now });
        const ev = await appendEvent(trx, {
          problemId: l.row.id,
          action,
          actorId: actor.id,
          actorName: actor.name,
          role: actor.role,
          fromState: l.row.status,
          toState: stateChanged || TRANSITIONS[action].to !== null ? d.to : null,
          payload: effect.payload,
          reason: effect.reason,
          isPublic: d.public,
          createdAt: now,
        });
        if (Array.isArray(input.attachmentIds) && input.attachmentIds.length) {
          await linkAttachments(trx, l.row.id, ev.id, input.attachmentIds);
        }
        await runAfterWrite(deps.hooks, trx, {
          problemId: l.row.id,
          code: l.row.code,
          action,
          eventId: ev.id,
          fromState: l.row.status,
          toState: d.to,
          payload: effect.payload,
          actorId: actor.id,
        });
        return {
          ...l,
          row: (await repo.findProblemById(trx, l.row.id))!,
          coDepartmentIds: (await repo.coDepartmentIdsOf(trx, [l.row.id])).get(l.row.id) ?? [],
        };
      });
      return problems.withActions(actor, result);
    },
  };
}
