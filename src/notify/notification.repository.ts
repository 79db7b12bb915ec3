import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { NotificationOutboxTable, NotificationTable } from '../db/schema.js';

export type OutboxRow = Selectable<NotificationOutboxTable>;

export async function insertNotification(db: Db, row: Insertable<NotificationTable>): Promise<number> {
  return (await db.insertInto('notifications').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listNotifications(
  db: Db,
  userId: number,
  opts: { unreadOnly: boolean; limit: number; beforeId?: number },
) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(opts.unreadOnly, (q) => q.where('read_at', 'is', null))
    .$if(opts.beforeId !== undefined, (q) => q.where('id', '<', opts.beforeId!))
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
}

export async function unreadCounts(db: Db, userId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Marks the user's own notifications read; ids of other users are silently ignored. */
export async function markRead(db: Db, userId: number, ids: number[] | 'all', now: string): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', (ids as number[]).length ? (ids as number[]) : [-1]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function enqueue(db: Db, row: Insertable<NotificationOutboxTable>): Promise<void> {
  await db.insertInto('notification_outbox').values(row).execute();
}

export async function dueOutbox(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markDelivered(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(
  db: Db,
  id: number,
  error: string,
  nextAttemptAt: string | null,
): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set((eb) => ({
      status: nextAttemptAt ? 'pending' : 'failed',
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 1000),
      next_attempt_at: nextAttemptAt ?? '9999-12-31',
    }))
    .where('id', '=', id)
    .execute();
}
