import type { Db } from '../db/database.js';
import type { Channel, OutgoingMessage } from '../notify/channels.js';
import { enqueue } from '../notify/notification.repository.js';
import type { ProblemWrite } from '../problems/problem-hooks.js';
import type { Clock } from '../shared/time.js';
import { afterQuietHours, compose } from './update-templates.js';
import { formatShortCode } from '../problems/short-code.js';
import type { TemplateStore } from './template-store.js';
import './resident-tables.js';

export interface UpdateDeps {
  clock: Clock;
  timezone: string;
  publicUrl: string;
  channels: () => Channel[];
  templates: TemplateStore;
}

/**
 * Queues the reporter's message for a public step of their report, inside the writing transaction
 * (a rolled-back action tells nobody). A signed-in resident's choice decides the channel; a report
 * made signed out uses the phone, else the e-mail it gave. Anonymous reports have no contact.
 */
export async function queueReporterUpdate(trx: Db, deps: UpdateDeps, write: ProblemWrite): Promise<void> {
  if (write.batch) return;
  // Read in the writing transaction: the message sent is the template as the admin last saved it.
  const template = await deps.templates.effective(trx, write.action);
  if (!template) return;
  const p = await trx
    .selectFrom('problems')
    .leftJoin('departments', 'departments.id', 'problems.lead_department_id')
    .leftJoin('residents', 'residents.user_id', 'problems.created_by')
    .select([
      'problems.code',
      'problems.title',
      'problems.short_code',
      'problems.deadline',
      'problems.reporter_phone',
      'problems.reporter_email',
      'departments.name as unit',
      'residents.phone as residentPhone',
      'residents.email as residentEmail',
      'residents.notify_by as notifyBy',
    ])
    .where('problems.id', '=', write.problemId)
    .executeTakeFirst();
  if (!p) return;
  const route = pickRoute(p);
  if (!route) return;
  const channel = deps.channels().find((c) => c.name === route.channel);
  if (!channel) return;
  const now = deps.clock();
  const values = {
    code: p.code,
    title: p.title,
    shortCode: p.short_code ? formatShortCode(p.short_code) : '',
    unit: p.unit ?? '',
    deadline: p.deadline ?? '',
    reason: typeof write.payload.reason === 'string' ? write.payload.reason : '',
    // The reporter's own message: the link carries the short code, so one tap opens the item to verify.
    link: `${deps.publicUrl}/track?code=${encodeURIComponent(p.code)}${p.short_code ? `&token=${p.short_code}` : ''}`,
  };
  const message: OutgoingMessage = {
    notificationId: null,
    kind: `reporter_${write.action}`,
    ...compose(template, values),
    problemCode: p.code,
    createdAt: now.toISOString(),
    recipient: { userId: null, username: '', displayName: '', email: route.email, phone: route.phone },
  };
  const sendAt = route.channel === 'webhook' ? afterQuietHours(now, deps.timezone) : now;
  await enqueue(trx, {
    notification_id: null,
    channel: route.channel,
    recipient: route.channel === 'webhook' ? route.phone! : route.email!,
    payload: JSON.stringify(message),
    status: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: sendAt.toISOString(),
    created_at: now.toISOString(),
    sent_at: null,
  });
}

type Contact = {
  reporter_phone: string | null;
  reporter_email: string | null;
  residentPhone: string | null;
  residentEmail: string | null;
  notifyBy: string | null;
};

function pickRoute(p: Contact): { channel: 'webhook' | 'email'; phone: string | null; email: string | null } | null {
  if (p.notifyBy === 'none') return null;
  if (p.notifyBy === 'email' && p.residentEmail) return { channel: 'email', phone: null, email: p.residentEmail };
  const phone = p.residentPhone ?? p.reporter_phone;
  if (phone) return { channel: 'webhook', phone, email: null };
  const email = p.residentEmail ?? p.reporter_email;
  return email ? { channel: 'email', phone: null, email } : null;
}
