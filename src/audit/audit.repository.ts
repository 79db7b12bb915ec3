import type { Db } from '../db/database.js';
import { eventHash } from './hash.js';

export interface NewEvent {
  problemId: number;
  action: string;
  actorId: number | null;
  actorName: string;
  role: string;
  fromState: string | null;
  toState: string | null;
  payload: Record<string, unknown>;
  reason: string | null;
  isPublic: boolean;
  createdAt: string;
}

/**
 * Takes the chain's head for the rest of the caller's transaction and reads it. An update that
 * changes nothing locks the row in either dialect (PostgreSQL's row lock, SQLite's write lock),
 * so appends are serialised and the chain never forks.
 */
export async function lockAuditHead(trx: Db): Promise<{ last_event_id: number; last_hash: string }> {
  return trx
    .updateTable('audit_head')
    .set((eb) => ({ last_event_id: eb.ref('last_event_id') }))
    .where('id', '=', 1)
    .returning(['last_event_id', 'last_hash'])
    .executeTakeFirstOrThrow();
}

/** Appends one event to the global hash chain. Must run inside the caller's transaction. */
export async function appendEvent(trx: Db, e: NewEvent): Promise<{ id: number; hash: string }> {
  const head = await lockAuditHead(trx);
  const payload = JSON.stringify(e.payload ?? {});
  const inserted = await trx
    .insertInto('events')
    .values({
      problem_id: e.problemId,
      action: e.action,
      actor_id: e.actorId,
      actor_name: e.actorName,
      role: e.role,
      from_state: e.fromState,
      to_state: e.toState,
      payload,
      reason: e.reason,
      is_public: e.isPublic ? 1 : 0,
      created_at: e.createdAt,
      prev_hash: head.last_hash,
      hash: 'pending',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = eventHash({
    id: inserted.id,
    problem_id: e.problemId,
    action: e.action,
    actor_id: e.actorId,
    actor_name: e.actorName,
    role: e.role,
    from_state: e.fromState,
    to_state: e.toState,
    payload,
    reason: e.reason,
    is_public: e.isPublic ? 1 : 0,
    created_at: e.createdAt,
    prev_hash: head.last_hash,
  });
  await trx.updateTable('events').set({ hash }).where('id', '=', inserted.id).execute();
  await trx
    .updateTable('audit_head')
    .set({ last_event_id: inserted.id, last_hash: hash })
    .where('id', '=', 1)
    .execute();
  return { id: inserted.id, hash };
}

export interface ChainBreak {
  eventId: number;
  problemId: number | null;
  reason: 'content_changed' | 'link_broken' | 'head_mismatch';
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
}

/** Walks the whole chain in id order, in pages, and reports the first broken link. */
export async function verifyChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let prev = 'genesis';
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          firstBreak: {
            eventId: row.id,
            problemId: row.problem_id,
            reason: 'link_broken',
            message: `event ${row.id} does not link to the event before it (an event was deleted or altered)`,
          },
        };
      }
      if (eventHash(row) !== row.hash) {
        return {
          ok: false,
          checked,
          firstBreak: {
            eventId: row.id,
            problemId: row.problem_id,
            reason: 'content_changed',
            message: `event ${row.id} was changed after it was written`,
          },
        };
      }
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.last_hash !== prev || head.last_event_id !== lastId) {
    return {
      ok: false,
      checked,
      firstBreak: {
        eventId: head?.last_event_id ?? 0,
        problemId: null,
        reason: 'head_mismatch',
        message:
          `the chain ends at event ${lastId} but the recorded head is event ${head?.last_event_id} ` +
          '(events were removed from the end)',
      },
    };
  }
  return { ok: true, checked, firstBreak: null };
}

export async function eventsOf(db: Db, problemId: number) {
  return db.selectFrom('events').selectAll().where('problem_id', '=', problemId).orderBy('id').execute();
}
