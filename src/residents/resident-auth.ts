import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import { constantTimeEqual, digest, randomToken } from '../auth/secrets.js';
import type { Channel, OutgoingMessage } from '../notify/channels.js';
import type { Clock } from '../shared/time.js';
import { openSession, residentUserId } from './resident-accounts.js';
import './resident-tables.js';

/** Limits of the phone sign-in; counted in the database, so they hold across restarts. */
export const CODE_RULES = {
  ttlMinutes: 10,
  maxAttempts: 5,
  perPhonePerHour: 5,
  perIpPerHour: 20,
  minSecondsBetween: 60,
};

/** Mainland mobile numbers (11 digits from 1); spaces and dashes are dropped first. */
export function normalisePhone(raw: string): string {
  const phone = raw.replace(/[\s-]/g, '').replace(/^\+86/, '');
  if (!/^1[3-9]\d{9}$/.test(phone))
    throw new AppError('validation_failed', say('手机号码格式不正确', 'not a valid mobile number'), { field: 'phone' });
  return phone;
}

// The code's digest is bound to the number, so one leaked row cannot be replayed for another.
const codeHash = (phone: string, code: string) => digest(`${phone}:${code}`);

export interface AuthDeps {
  db: Db;
  clock: Clock;
  sessionDays: number;
  /** The SMS gateway (the notify feature's webhook channel), absent when none is configured. */
  sms: Channel | undefined;
  /** Demo mode keeps the last code per number in memory for the dev inbox page. */
  devInbox: Map<string, { code: string; at: string }> | null;
}

export function residentAuth(deps: AuthDeps) {
  const { db, clock } = deps;
  const minutesAgo = (m: number) => new Date(clock().getTime() - m * 60_000).toISOString();

  async function countSince(column: 'phone_hash' | 'ip', value: string, since: string) {
    const r = await db
      .selectFrom('resident_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function requestCode(rawPhone: string, ip: string) {
    const phone = normalisePhone(rawPhone);
    const phoneHash = digest(phone);
    const latest = await db
      .selectFrom('resident_codes')
      .select('created_at')
      .where('phone_hash', '=', phoneHash)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const wait = latest ? CODE_RULES.minSecondsBetween - (clock().getTime() - Date.parse(latest.created_at)) / 1000 : 0;
    if (wait > 0) throw limited(Math.ceil(wait));
    if ((await countSince('phone_hash', phoneHash, minutesAgo(60))) >= CODE_RULES.perPhonePerHour) throw limited(3600);
    if ((await countSince('ip', ip, minutesAgo(60))) >= CODE_RULES.perIpPerHour) throw limited(3600);
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const now = clock().toISOString();
    await db
      .insertInto('resident_codes')
      .values({
        phone_hash: phoneHash,
        code_hash: codeHash(phone, code),
        ip,
        attempts: 0,
        created_at: now,
        expires_at: new Date(clock().getTime() + CODE_RULES.ttlMinutes * 60_000).toISOString(),
        used_at: null,
      })
      .execute();
    deps.devInbox?.set(phone, { code, at: now });
    // Sent at once, not through the outbox: the code must arrive now, and it is never stored in clear.
    if (deps.sms) await deps.sms.send(phone, codeMessage(phone, code, now));
    return { sentTo: `${phone.slice(0, 3)}****${phone.slice(7)}`, expiresInMinutes: CODE_RULES.ttlMinutes };
  }

  /** Checks the code; on success the number's resident account (made on first sign-in) gets a session. */
  async function verifyCode(rawPhone: string, code: string) {
    const phone = normalisePhone(rawPhone);
    const row = await db
      .selectFrom('resident_codes')
      .selectAll()
      .where('phone_hash', '=', digest(phone))
      .where('used_at', 'is', null)
      .where('expires_at', '>', clock().toISOString())
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const wrong = new AppError('unauthenticated', say('验证码错误或已过期', 'the code is wrong or has expired'));
    if (!row) throw wrong;
    if (row.attempts >= CODE_RULES.maxAttempts)
      throw new AppError('rate_limited', say('尝试次数过多，请重新获取验证码', 'too many tries; request a new code'));
    if (!constantTimeEqual(codeHash(phone, code.trim()), row.code_hash)) {
      await db
        .updateTable('resident_codes')
        .set({ attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .execute();
      throw wrong;
    }
    const now = clock().toISOString();
    const sessionId = randomToken();
    const userId = await db.transaction().execute(async (trx) => {
      // Single use even under a race: only the request that flips used_at goes on.
      const used = await trx
        .updateTable('resident_codes')
        .set({ used_at: now })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw wrong;
      const id = await residentUserId(trx, { phone }, now);
      await openSession(trx, { id: sessionId, userId: id, now: clock(), days: deps.sessionDays });
      return id;
    });
    return { sessionId, userId };
  }

  return { requestCode, verifyCode };
}

export function limited(seconds: number, what = 'codes') {
  return new AppError(
    'rate_limited',
    say(`请求过于频繁，请 ${seconds} 秒后再试`, `too many ${what}; try again in ${seconds} s`),
    {
      retryAfterSeconds: seconds,
    },
  );
}

function codeMessage(phone: string, code: string, now: string): OutgoingMessage {
  return {
    notificationId: null,
    kind: 'resident_code',
    title: '清单登录验证码 / Qingdan sign-in code',
    body: `您的验证码是 ${code}，${CODE_RULES.ttlMinutes} 分钟内有效。Your code is ${code}.`,
    problemCode: null,
    createdAt: now,
    recipient: { userId: null, username: '', displayName: '', email: null, phone },
  };
}
