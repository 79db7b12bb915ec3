import type { Actor } from '../auth/actor.js';
import { appendEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { departmentUserIds } from '../notify/notifier.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import { listLetters } from './letter.repository.js';

export type LetterAction = 'letter_issued' | 'letter_acknowledged' | 'letter_replied' | 'letter_overdue';

/**
 * Every letter write goes on the item's hash-chained audit trail, like other supervision writes.
 * Internal always: the public timeline never shows a letter or its text.
 */
export async function recordLetterEvent(
  trx: Db,
  actor: Pick<Actor, 'id' | 'name' | 'role'> | null,
  problemId: number,
  action: LetterAction,
  now: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const p = await trx.selectFrom('problems').select('status').where('id', '=', problemId).executeTakeFirstOrThrow();
  await appendEvent(trx, {
    problemId,
    action,
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? 'system',
    role: actor?.role ?? 'system',
    fromState: p.status,
    toState: p.status,
    payload,
    reason: null,
    isPublic: false,
    createdAt: now,
  });
}

/**
 * The daily check: a letter with no reply once its deadline day has passed is put on the item's
 * timeline and the unit and the issuer are told, once per letter (the update claims it first, so
 * a rerun or a second instance records nothing more).
 */
export async function recordOverdueLetters(rt: SupervisionRuntime): Promise<{ overdue: number; recorded: number }> {
  const today = rt.today();
  const rows = await listLetters(rt.db, { overdueBefore: today, limit: 10_000 });
  let recorded = 0;
  for (const l of rows.filter((r) => r.overdue_recorded_at === null)) {
    await rt.db.transaction().execute(async (trx) => {
      const now = rt.now().toISOString();
      const claimed = await trx
        .updateTable('supervision_letters')
        .set({ overdue_recorded_at: now })
        .where('id', '=', l.id)
        .where('overdue_recorded_at', 'is', null)
        .where('replied_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      recorded++;
      await recordLetterEvent(trx, null, l.problem_id, 'letter_overdue', now, {
        letterId: l.id,
        docNumber: l.doc_number,
        deadline: l.reply_due,
        acknowledged: l.acknowledged_at !== null,
      });
      const users = await departmentUserIds(trx, l.department_id);
      await rt.notifier.notify(
        trx,
        {
          userIds: l.issued_by === null ? users : [...users, l.issued_by],
          kind: 'reminder',
          problemCode: l.problem_code,
          title: `${l.doc_number} 逾期未回复`,
          body: `${l.department_name} 未在 ${l.reply_due} 前回复 ${l.doc_number}（${l.problem_title}）。`,
          en: {
            title: `${l.doc_number} not replied to in time`,
            body: `${l.department_name} did not reply to ${l.doc_number} (${l.problem_title}) by ${l.reply_due}.`,
          },
        },
        now,
      );
    });
  }
  return { overdue: rows.length, recorded };
}
