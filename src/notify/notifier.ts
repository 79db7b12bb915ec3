import type { Db } from '../db/database.js';
import type { Channel, OutgoingMessage } from './channels.js';
import * as repo from './notification.repository.js';

export const NOTIFICATION_KINDS = [
  'assignment',
  'reminder',
  'warning',
  'return',
  'verification',
  'summons',
  'supervision',
  'extension',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifyInput {
  userIds: number[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** The English of a system-written notice; the inbox shows it to a reader who asks for English. */
  en?: { title: string; body: string };
  problemCode?: string | null;
}

const RETRY_MINUTES = [1, 5, 15, 60, 240];

/**
 * The notifier: writes the in-app inbox entry and one outbox row per outgoing channel inside the
 * caller's transaction (so a rolled-back change notifies nobody), and later delivers the outbox.
 */
export class Notifier {
  constructor(public channels: Channel[]) {}

  async notify(trx: Db, input: NotifyInput, now: string): Promise<number[]> {
    const ids = [...new Set(input.userIds)];
    if (!ids.length) return [];
    const users = await trx
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'email', 'phone'])
      .where('id', 'in', ids)
      .where('active', '=', 1)
      .execute();
    const created: number[] = [];
    for (const u of users) {
      const id = await repo.insertNotification(trx, {
        user_id: u.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        title_en: input.en?.title ?? null,
        body_en: input.en?.body ?? null,
        problem_code: input.problemCode ?? null,
        created_at: now,
        read_at: null,
      });
      created.push(id);
      const message: OutgoingMessage = {
        notificationId: id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        problemCode: input.problemCode ?? null,
        createdAt: now,
        recipient: { userId: u.id, username: u.username, displayName: u.display_name, email: u.email, phone: u.phone },
      };
      for (const ch of this.channels) {
        const address = ch.address(message.recipient);
        if (!address) continue;
        await repo.enqueue(trx, {
          notification_id: id,
          channel: ch.name,
          recipient: address,
          payload: JSON.stringify(message),
          status: 'pending',
          attempts: 0,
          last_error: null,
          next_attempt_at: now,
          created_at: now,
          sent_at: null,
        });
      }
    }
    return created;
  }

  /**
   * A message to someone who is not a user (an applicant at the hall): queued for the SMS gateway
   * (webhook) by phone and for e-mail by address, in the caller's transaction; no inbox entry.
   * Returns the channels it was queued for.
   */
  async notifyContact(
    trx: Db,
    contact: { name: string; phone: string | null; email: string | null },
    input: { kind: string; title: string; body: string; reference?: string | null },
    now: string,
  ): Promise<string[]> {
    const queued: string[] = [];
    for (const ch of this.channels) {
      const address = ch.name === 'email' ? contact.email : contact.phone;
      if (!address) continue;
      const message: OutgoingMessage = {
        notificationId: null,
        kind: input.kind,
        title: input.title,
        body: input.body,
        problemCode: input.reference ?? null,
        createdAt: now,
        recipient: {
          userId: null,
          username: '',
          displayName: contact.name,
          email: contact.email,
          phone: contact.phone,
        },
      };
      await repo.enqueue(trx, {
        notification_id: null,
        channel: ch.name,
        recipient: address,
        payload: JSON.stringify(message),
        status: 'pending',
        attempts: 0,
        last_error: null,
        next_attempt_at: now,
        created_at: now,
        sent_at: null,
      });
      queued.push(ch.name);
    }
    return queued;
  }

  /** Sends what is due; failures back off and give up after the last retry. Runs under a job lease. */
  async deliver(db: Db, now: Date, limit = 200): Promise<{ sent: number; failed: number; skipped: number }> {
    const due = await repo.dueOutbox(db, now.toISOString(), limit);
    let sent = 0;
    let failed = 0;
    let skipped = 0;
    for (const row of due) {
      const ch = this.channels.find((c) => c.name === row.channel);
      if (!ch) {
        // The channel was configured when queued and is not now: keep it for when it returns.
        skipped++;
        continue;
      }
      try {
        await ch.send(row.recipient, JSON.parse(row.payload) as OutgoingMessage);
        await repo.markDelivered(db, row.id, new Date().toISOString());
        sent++;
      } catch (err) {
        const wait = RETRY_MINUTES[row.attempts];
        const next = wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
        await repo.markAttemptFailed(db, row.id, (err as Error).message ?? String(err), next);
        failed++;
      }
    }
    return { sent, failed, skipped };
  }

  async close(): Promise<void> {
    for (const ch of this.channels) await ch.close?.();
  }
}

/** Staff of a department (falling back to its parent's when it has none), for item notices. */
export async function departmentUserIds(db: Db, departmentId: number | null): Promise<number[]> {
  let dept = departmentId;
  for (let depth = 0; dept !== null && depth < 5; depth++) {
    const users = await db
      .selectFrom('users')
      .select('id')
      .where('department_id', '=', dept)
      .where('role', '=', 'department')
      .where('active', '=', 1)
      .execute();
    if (users.length) return users.map((u) => u.id);
    const row = await db.selectFrom('departments').select('parent_id').where('id', '=', dept).executeTakeFirst();
    dept = row?.parent_id ?? null;
  }
  return [];
}

export async function roleUserIds(db: Db, roles: string[]): Promise<number[]> {
  if (!roles.length) return [];
  const rows = await db.selectFrom('users').select('id').where('role', 'in', roles).where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}
