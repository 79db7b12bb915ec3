import type { Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import { appendEvent } from '../audit/audit.repository.js';
import { runAfterWrite } from '../problems/problem-hooks.js';
import { departmentUserIds, roleUserIds } from '../notify/notifier.js';
import { loadFor } from './supervision-access.js';
import type { SupervisionRuntime } from './runtime.js';

const EXTENDABLE = ['assigned', 'in_progress', 'long_term'];

export function presentExtension(e: {
  id: number;
  reason: string;
  original_deadline: string | null;
  requested_deadline: string;
  status: string;
  granted_deadline: string | null;
  decision_note: string | null;
  requested_at: string;
  decided_at: string | null;
}) {
  return {
    id: e.id,
    reason: e.reason,
    originalDeadline: e.original_deadline,
    requestedDeadline: e.requested_deadline,
    status: e.status,
    grantedDeadline: e.granted_deadline,
    decisionNote: e.decision_note,
    requestedAt: e.requested_at,
    decidedAt: e.decided_at,
  };
}

/**
 * Extensions (延期): the unit asks with a reason and a date, a supervisor grants or refuses. The
 * original deadline stays on the request; only a grant moves the item's deadline, so assessment
 * (which reads the deadline history) uses the original unless an extension was granted.
 */
export function extensionService(rt: SupervisionRuntime) {
  const db = rt.db;
  const list = (problemId: number) =>
    db.selectFrom('extensions').selectAll().where('problem_id', '=', problemId).orderBy('id').execute();

  return {
    list,
    async listFor(actor: Actor, code: string) {
      const { row } = await loadFor(rt, db, actor, code, 'read');
      return (await list(row.id)).map(presentExtension);
    },

    async request(actor: Actor, code: string, input: { reason: string; requestedDeadline: string }) {
      return db.transaction().execute(async (trx) => {
        const { row } = await loadFor(rt, trx, actor, code, 'plan');
        if (!EXTENDABLE.includes(row.status))
          throw new AppError(
            'invalid_transition',
            say(
              `事项当前状态（${row.status}）下不能申请延期`,
              `an extension cannot be asked while the item is ${row.status}`,
            ),
            {
              state: row.status,
            },
          );
        if (row.deadline && input.requestedDeadline <= row.deadline) {
          throw new AppError(
            'validation_failed',
            say(
              `新的日期必须晚于当前时限 ${row.deadline}`,
              `the new date must be after the current deadline ${row.deadline}`,
            ),
            {
              field: 'requestedDeadline',
            },
          );
        }
        const pending = await trx
          .selectFrom('extensions')
          .select('id')
          .where('problem_id', '=', row.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (pending)
          throw new AppError(
            'conflict',
            say(`延期申请 ${pending.id} 仍在等待审批`, `extension ${pending.id} is still waiting for a decision`),
            {
              extensionId: pending.id,
            },
          );
        const now = rt.now().toISOString();
        const ext = await trx
          .insertInto('extensions')
          .values({
            problem_id: row.id,
            department_id: row.lead_department_id,
            reason: input.reason,
            original_deadline: row.deadline,
            requested_deadline: input.requestedDeadline,
            status: 'pending',
            granted_deadline: null,
            decision_note: null,
            requested_by: actor.id,
            requested_at: now,
            decided_by: null,
            decided_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendEvent(trx, {
          problemId: row.id,
          action: 'extension_requested',
          actorId: actor.id,
          actorName: actor.name,
          role: actor.role,
          fromState: row.status,
          toState: row.status,
          payload: { extensionId: ext.id, originalDeadline: row.deadline, requestedDeadline: input.requestedDeadline },
          reason: input.reason,
          isPublic: false,
          createdAt: now,
        });
        await rt.notifier.notify(
          trx,
          {
            userIds: await roleUserIds(trx, ['supervisor']),
            kind: 'extension',
            problemCode: row.code,
            title: `延期申请：${row.title}`,
            body:
              `${actor.name} 申请将事项 ${row.code} 的整改时限由 ${row.deadline ?? '—'} ` +
              `延至 ${input.requestedDeadline}。理由：${input.reason}`,
            en: {
              title: `Extension requested: ${row.title}`,
              body:
                `${actor.name} asks to move the deadline of ${row.code} from ${row.deadline ?? '—'} ` +
                `to ${input.requestedDeadline}. Reason: ${input.reason}`,
            },
          },
          now,
        );
        return presentExtension(ext);
      });
    },

    async decide(
      actor: Actor,
      code: string,
      id: number,
      input: { decision: 'grant' | 'refuse'; grantedDeadline?: string; note?: string },
    ) {
      return db.transaction().execute(async (trx) => {
        const { row } = await loadFor(rt, trx, actor, code, 'oversee');
        const ext = await trx
          .selectFrom('extensions')
          .selectAll()
          .where('id', '=', id)
          .where('problem_id', '=', row.id)
          .executeTakeFirst();
        if (!ext)
          throw new AppError(
            'not_found',
            say(`事项 ${code} 上没有延期申请 ${id}`, `extension ${id} was not found on ${code}`),
            { what: 'extension', key: id },
          );
        if (ext.status !== 'pending')
          throw new AppError(
            'conflict',
            say(`延期申请 ${id} 已经处理（${ext.status}）`, `extension ${id} was already ${ext.status}`),
            { status: ext.status },
          );
        const granted = input.decision === 'grant' ? (input.grantedDeadline ?? ext.requested_deadline) : null;
        if (granted && row.deadline && granted <= row.deadline) {
          throw new AppError(
            'validation_failed',
            say(
              `批准的日期必须晚于当前时限 ${row.deadline}`,
              `the granted date must be after the current deadline ${row.deadline}`,
            ),
            { field: 'grantedDeadline' },
          );
        }
        const now = rt.now().toISOString();
        await trx
          .updateTable('extensions')
          .set({
            status: granted ? 'granted' : 'refused',
            granted_deadline: granted,
            decision_note: input.note ?? null,
            decided_by: actor.id,
            decided_at: now,
          })
          .where('id', '=', id)
          .execute();
        const action = granted ? 'extension_granted' : 'extension_refused';
        const payload = {
          extensionId: id,
          originalDeadline: ext.original_deadline,
          requestedDeadline: ext.requested_deadline,
          grantedDeadline: granted,
        };
        if (granted)
          await trx
            .updateTable('problems')
            .set({ deadline: granted, updated_at: now })
            .where('id', '=', row.id)
            .execute();
        const ev = await appendEvent(trx, {
          problemId: row.id,
          action,
          actorId: actor.id,
          actorName: actor.name,
          role: actor.role,
          fromState: row.status,
          toState: row.status,
          payload,
          reason: input.note ?? null,
          isPublic: Boolean(granted),
          createdAt: now,
        });
        await runAfterWrite(rt.hooks, trx, {
          problemId: row.id,
          code: row.code,
          action,
          eventId: ev.id,
          fromState: row.status,
          toState: row.status,
          payload,
          actorId: actor.id,
        });
        await rt.notifier.notify(
          trx,
          {
            userIds: await departmentUserIds(trx, row.lead_department_id),
            kind: 'extension',
            problemCode: row.code,
            title: `${granted ? '延期已批准' : '延期未批准'}：${row.title}`,
            body: granted
              ? `事项 ${row.code} 的整改时限已延至 ${granted}（原时限 ${ext.original_deadline ?? '—'}）。`
              : `事项 ${row.code} 的延期申请未获批准，仍按 ${row.deadline ?? '—'} 完成。${input.note ? `意见：${input.note}` : ''}`,
            en: {
              title: `${granted ? 'Extension granted' : 'Extension refused'}: ${row.title}`,
              body: granted
                ? `The deadline of ${row.code} is now ${granted} (was ${ext.original_deadline ?? '—'}).`
                : `The extension of ${row.code} was refused; it is still due ${row.deadline ?? '—'}.` +
                  (input.note ? ` Note: ${input.note}` : ''),
            },
          },
          now,
        );
        return presentExtension(
          await trx.selectFrom('extensions').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        );
      });
    },
  };
}
