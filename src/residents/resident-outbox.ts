import type { Db } from '../db/database.js';
import type { Channel } from '../notify/channels.js';
import { enqueue } from '../notify/notification.repository.js';
import { afterQuietHours } from './update-templates.js';

export interface Recipient {
  phone: string | null;
  email: string | null;
  notifyBy: string;
}

/**
 * Queues one message to a resident on the channel they chose, in the notify feature's outbox (so
 * delivery is retried and recorded); SMS waits out the quiet hours. Returns the channel or null.
 */
export async function queueForResident(
  trx: Db,
  opts: { channels: Channel[]; timezone: string; now: Date },
  to: Recipient,
  m: { kind: string; title: string; body: string; problemCode: string | null },
): Promise<string | null> {
  const useEmail = to.notifyBy === 'email' && to.email;
  const channelName = to.notifyBy === 'none' ? null : useEmail ? 'email' : to.phone ? 'webhook' : null;
  if (!channelName || !opts.channels.some((c) => c.name === channelName)) return null;
  const address = channelName === 'email' ? to.email! : to.phone!;
  const sendAt = channelName === 'webhook' ? afterQuietHours(opts.now, opts.timezone) : opts.now;
  await enqueue(trx, {
    notification_id: null,
    channel: channelName,
    recipient: address,
    payload: JSON.stringify({
      notificationId: null,
      ...m,
      createdAt: opts.now.toISOString(),
      recipient: { userId: null, username: '', displayName: '', email: to.email, phone: to.phone },
    }),
    status: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: sendAt.toISOString(),
    created_at: opts.now.toISOString(),
    sent_at: null,
  });
  return channelName;
}
