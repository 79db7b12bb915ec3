import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { appendEvent } from '../audit/audit.repository.js';
import { decide, type Action, type State } from '../lifecycle/lifecycle.js';
import * as repo from './problem.repository.js';
import { lifecycleContext } from './problem-access.js';
import { runAfterWrite } from './problem-hooks.js';
import type { ProblemDeps, ProblemService } from './problem.service.js';
import { EFFECTS, recordedState, type Effect, type Input } from './action-effects.js';
import { loadFacts } from './action-facts.js';
import { linkAttachments } from '../attachments/attachment.repository.js';
import { refusalText } from '../lifecycle/lifecycle-texts.js';

/** A merge counts the duplicate on its master, which records it on its own timeline. */
async function recordOnMaster(
  trx: Db,
  deps: ProblemDeps,
  target: repo.ProblemRow,
  master: NonNullable<Effect['master']>,
  now: string,
): Promise<void> {
  const { payload } = master;
  await repo.updateProblem(trx, target.id, master.patch);
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
}

export function problemActions(deps: ProblemDeps, problems: ProblemService) {
  return {
    async act(actor: Actor, code: string, action: Action, input: Input, token?: string) {
      const result = await deps.db.transaction().execute((trx) => apply(trx, actor, code, action, input, token));
      return problems.withActions(actor, result);
    },
    /** Acts in the caller's transaction (a campaign's plan item is created and assigned at once). */
    async actWithin(trx: Db, actor: Actor, code: string, action: Action, input: Input): Promise<void> {
      await apply(trx, actor, code, action, input);
    },
  };

  async function apply(trx: Db, actor: Actor, code: string, action: Action, input: Input, token?: string) {
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
      throw new AppError(code, refusalText(d, action, l.row.status as State), {
        state: l.row.status,
        action,
        allowed: d.allowed,
        ...(d.missing && { missing: d.missing }),
      });
    }
    const now = deps.clock().toISOString();
    const base = { now, today: problems.today(), hasToken: l.hasToken, deadlines: deps.hooks.deadlines };
    const facts = await loadFacts(trx, action, l.row, input, base);
    const effect = EFFECTS[action](l.row, input, facts);
    // A merge's effect has a master only when its target was found.
    if (effect.master) await recordOnMaster(trx, deps, facts.target!, effect.master, now);
    if (effect.coDepartments) await repo.setCoDepartments(trx, l.row.id, effect.coDepartments);
    await repo.updateProblem(trx, l.row.id, { ...effect.patch, status: d.to, updated_at: now });
    const ev = await appendEvent(trx, {
      problemId: l.row.id,
      action,
      actorId: actor.id,
      actorName: actor.name,
      role: actor.role,
      fromState: l.row.status,
      toState: recordedState(action, l.row.status, d.to),
      payload: effect.payload,
      reason: effect.reason,
      isPublic: d.public,
      createdAt: now,
    });
    if (Array.isArray(input.attachmentIds) && input.attachmentIds.length) {
      await linkAttachments(trx, l.row.id, { id: ev.id, isPublic: d.public }, input.attachmentIds);
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
  }
}
