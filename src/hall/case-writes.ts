import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { HallRuntime } from './hall-runtime.js';
import type { CaseRow } from './application.repository.js';
import { caseWarning } from './case-clock.js';
import type { CaseState } from './case-states.js';
import { appendHallEvent } from './hall-audit.js';

/** Helpers every write to a case shares: the stored warning, the event on the hall chain. */
export function caseWarningNow(rt: HallRuntime, c: Pick<CaseRow, 'status' | 'accepted_on' | 'due_date'>) {
  return caseWarning(
    { status: c.status as CaseState, acceptedOn: c.accepted_on, dueDate: c.due_date, today: rt.today() },
    rt.supervision.store.calendar(),
    rt.supervision.config.thresholds,
  );
}

/** Stores the warning a case carries now; a change restarts `warning_since`. */
export async function storeWarning(rt: HallRuntime, trx: Db, c: CaseRow): Promise<string> {
  const level = caseWarningNow(rt, c).level;
  if (level !== c.warning_level)
    await trx
      .updateTable('hall_applications')
      .set({ warning_level: level, warning_since: rt.now().toISOString() })
      .where('id', '=', c.id)
      .execute();
  return level;
}

export async function caseEvent(
  rt: HallRuntime,
  trx: Db,
  actor: Pick<Actor, 'id' | 'name' | 'role'>,
  c: Pick<CaseRow, 'id' | 'number'>,
  e: { action: string; from: string | null; to: string | null; payload?: Record<string, unknown>; isPublic?: boolean },
): Promise<void> {
  await appendHallEvent(trx, {
    applicationId: c.id,
    action: e.action,
    actor,
    fromState: e.from,
    toState: e.to,
    payload: { number: c.number, ...e.payload },
    isPublic: e.isPublic ?? true,
    createdAt: rt.now().toISOString(),
  });
}

/** The link an applicant follows from an SMS: progress, and the rating once the case is done. */
export function caseLink(rt: HallRuntime, number: string, token: string, page: 'case' | 'rate' = 'case'): string {
  const query = `no=${encodeURIComponent(number)}&token=${encodeURIComponent(token)}`;
  return `${rt.config.publicUrl ?? ''}/hall/${page}?${query}`;
}
