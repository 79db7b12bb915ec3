import type { Db } from '../db/database.js';
import { appendEvent } from '../audit/audit.repository.js';
import type { ProblemWrite } from '../problems/problem-hooks.js';
import { departmentUserIds, roleUserIds, type NotifyInput } from '../notify/notifier.js';
import { ensureSupervisionRow } from './warnings.service.js';
import { recomputeWithParent } from './milestones.service.js';
import type { SupervisionRuntime } from './runtime.js';
import { assignedCo, assignedLead, returned, verified } from './notice-texts.js';

/**
 * Runs inside every problem write: keeps the supervision state (original deadline, warning) in
 * step with the lifecycle and queues the notices the write implies, all in the same transaction.
 */
export function problemWriteHook(rt: SupervisionRuntime) {
  return async (trx: Db, w: ProblemWrite): Promise<void> => {
    if (w.action === 'submit') return;
    const row = await trx
      .selectFrom('problems')
      .select(['id', 'code', 'title', 'lead_department_id', 'deadline', 'created_by'])
      .where('id', '=', w.problemId)
      .executeTakeFirst();
    if (!row) return;
    const now = rt.now().toISOString();
    if (w.action === 'assign') {
      await ensureSupervisionRow(trx, w.problemId);
      // A new assignment starts a new plan: the deadline it sets is the one assessment starts from.
      await trx
        .updateTable('item_supervision')
        .set({ original_deadline: row.deadline, missing_weekly_report: 0 })
        .where('problem_id', '=', w.problemId)
        .execute();
    }
    if (w.action === 'rectify') await closeMilestonesAtRectify(trx, w, now);
    for (const n of await noticesFor(trx, w, row)) await rt.notifier.notify(trx, n, now);
    await recomputeWithParent(rt, trx, w.problemId);
  };
}

/**
 * Reporting an item rectified finishes its plan: milestones still open are closed with it (a
 * closed item showed "planned 25 %" for ever), and the timeline records which were still open,
 * since the unit was asked to confirm rectifying with open milestones.
 */
async function closeMilestonesAtRectify(trx: Db, w: ProblemWrite, now: string): Promise<void> {
  const open = await trx
    .selectFrom('milestones')
    .select(['id', 'name', 'due_date'])
    .where('problem_id', '=', w.problemId)
    .where('done_at', 'is', null)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  if (!open.length) return;
  await trx
    .updateTable('milestones')
    .set({ done_at: now })
    .where(
      'id',
      'in',
      open.map((m) => m.id),
    )
    .execute();
  await appendEvent(trx, {
    problemId: w.problemId,
    action: 'milestones_closed',
    actorId: w.actorId,
    actorName: 'system',
    role: 'system',
    fromState: 'rectified',
    toState: 'rectified',
    payload: { atRectify: true, milestones: open.map((m) => ({ name: m.name, dueDate: m.due_date })) },
    reason: null,
    isPublic: false,
    createdAt: now,
  });
}

async function noticesFor(
  trx: Db,
  w: ProblemWrite,
  row: { code: string; title: string; lead_department_id: number | null; deadline: string | null },
): Promise<NotifyInput[]> {
  const base = { problemCode: row.code };
  switch (w.action) {
    case 'assign': {
      const co = (w.payload.coDepartmentIds as number[] | undefined) ?? [];
      const lead = await departmentUserIds(trx, row.lead_department_id);
      const coUsers = (await Promise.all(co.map((d) => departmentUserIds(trx, d)))).flat();
      return [
        {
          ...base,
          userIds: lead,
          kind: 'assignment',
          ...assignedLead(row),
        },
        {
          ...base,
          userIds: coUsers.filter((u) => !lead.includes(u)),
          kind: 'assignment',
          ...assignedCo(row),
        },
      ];
    }
    case 'return':
      return [
        {
          ...base,
          userIds: await roleUserIds(trx, ['acceptance']),
          kind: 'return',
          ...returned(row),
        },
      ];
    case 'verify': {
      const result = String(w.payload.result ?? '');
      return [
        {
          ...base,
          userIds: await departmentUserIds(trx, row.lead_department_id),
          kind: 'verification',
          ...verified(row, result),
        },
      ];
    }
    default:
      return [];
  }
}
