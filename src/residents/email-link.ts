import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import { digest, randomToken } from '../auth/secrets.js';
import type { Channel, OutgoingMessage } from '../notify/channels.js';
import type { Clock } from '../shared/time.js';
import { limited } from './resident-auth.js';
import { openSession, residentUserId } from './resident-accounts.js';
import './resident-tables.js';

/** Limits of the e-mail sign-in link; counted in the database, so they hold across restarts. */
export const LINK_RULES = { ttlMinutes: 15, perEmailPerHour: 5, perIpPerHour: 20, minSecondsBetween: 60 };

const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/;

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 200)
    throw new AppError('validation_failed', say('邮箱格式不正确', 'not a valid e-mail address'), { field: 'email' });
  return email;
}

export interface LinkDeps {
  db: Db;
  clock: Clock;
  sessionDays: number;
  publicUrl: string;
  /** The notify feature's SMTP channel, absent when none is configured. */
  mail: Channel | undefined;
  /** Demo mode keeps the last link per address in memory for the dev inbox page. */
  devInbox: Map<string, { code: string; at: string }> | null;
}

/**
 * Sign-in by a one-time e-mail link, the alternative to the SMS code: only the token's digest is
 * stored; a link lives 15 minutes and works once. The link opens a page that posts the token, so
 * a mail scanner that fetches links cannot spend it.
 */
export function emailLinks(deps: LinkDeps) {
  const { db, clock } = deps;
  const since = (m: number) => new Date(clock().getTime() - m * 60_000).toISOString();
  const count = async (column: 'email_hash' | 'ip', value: string) => {
    const r = await db
      .selectFrom('resident_email_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('created_at', '>', since(60))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  async function requestLink(rawEmail: string, ip: string) {
    const email = normaliseEmail(rawEmail);
    const emailHash = digest(`email:${email}`);
    if (!deps.mail && !deps.devInbox)
      throw new AppError('unavailable', say('未配置邮件发送', 'e-mail is not configured on this server'));
    const latest = await db
      .selectFrom('resident_email_links')
      .select('created_at')
      .where('email_hash', '=', emailHash)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const wait = latest ? LINK_RULES.minSecondsBetween - (clock().getTime() - Date.parse(latest.created_at)) / 1000 : 0;
    if (wait > 0) throw limited(Math.ceil(wait), 'links');
    if ((await count('email_hash', emailHash)) >= LINK_RULES.perEmailPerHour) throw limited(3600, 'links');
    if ((await count('ip', ip)) >= LINK_RULES.perIpPerHour) throw limited(3600, 'links');
    const token = randomToken('m_');
    const now = clock().toISOString();
    await db
      .insertInto('resident_email_links')
      .values({
        email_hash: emailHash,
        token_hash: digest(token),
        ip,
        created_at: now,
        expires_at: new Date(clock().getTime() + LINK_RULES.ttlMinutes * 60_000).toISOString(),
        used_at: null,
      })
      .execute();
    // The address rides in the link: only its digest is stored, and the resident's account needs it.
    const link = `${deps.publicUrl}/me/signin?email=${encodeURIComponent(email)}&link=${token}`;
    deps.devInbox?.set(email, { code: link, at: now });
    // Sent at once, not through the outbox: the link must arrive now, and it is never stored in clear.
    if (deps.mail) await deps.mail.send(email, linkMessage(email, link, now));
    return { sentTo: email.replace(/^(.).*@/, '$1***@'), expiresInMinutes: LINK_RULES.ttlMinutes };
  }

  /** Spends a link: the address's resident account (made on first use) gets a session. */
  async function signInWithLink(rawEmail: string, token: string) {
    const email = normaliseEmail(rawEmail);
    const wrong = new AppError(
      'unauthenticated',
      say('登录链接无效、已使用或已过期', 'the link is invalid, used or expired'),
    );
    const now = clock().toISOString();
    const sessionId = randomToken();
    const userId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('resident_email_links')
        .select('id')
        .where('token_hash', '=', digest(token))
        .where('email_hash', '=', digest(`email:${email}`))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!row) throw wrong;
      // Single use even under a race: only the request that flips used_at goes on.
      const used = await trx
        .updateTable('resident_email_links')
        .set({ used_at: now })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw wrong;
      const id = await residentUserId(trx, { email }, now);
      await openSession(trx, { id: sessionId, userId: id, now: clock(), days: deps.sessionDays });
      return id;
    });
    return { sessionId, userId };
  }

  return { requestLink, signInWithLink };
}

function linkMessage(email: string, link: string, now: string): OutgoingMessage {
  return {
    notificationId: null,
    kind: 'resident_link',
    title: '清单登录链接 / Qingdan sign-in link',
    body:
      `请在 ${LINK_RULES.ttlMinutes} 分钟内打开以下链接登录（仅可使用一次）：\n${link}\n\n` +
      `Open this link within ${LINK_RULES.ttlMinutes} minutes to sign in (it works once). ` +
      '如非本人操作，请忽略本邮件。If you did not ask for it, ignore this mail.',
    problemCode: null,
    createdAt: now,
    recipient: { userId: null, username: '', displayName: '居民', email, phone: null },
  };
}
