import type { Db } from '../db/database.js';
import { digest } from '../auth/secrets.js';
import './resident-tables.js';

/** A signed-in resident's session: the ordinary staff session row, so the same cookie and hook apply. */
export async function openSession(trx: Db, s: { id: string; userId: number; now: Date; days: number }) {
  await trx
    .insertInto('sessions')
    .values({
      id: digest(s.id),
      user_id: s.userId,
      created_at: s.now.toISOString(),
      expires_at: new Date(s.now.getTime() + s.days * 86_400_000).toISOString(),
    })
    .execute();
}

/**
 * The resident's user id: a `public` user with no usable password, made on first sign-in. A phone
 * sign-in finds the resident by number; an e-mail sign-in only by an address a link proved before
 * (`login_email`), never by the contact address a resident typed in their profile, so nobody can
 * step into another's account by entering their address.
 */
export async function residentUserId(trx: Db, who: { phone: string } | { email: string }, now: string) {
  const known =
    'phone' in who
      ? await trx.selectFrom('residents').select('user_id').where('phone', '=', who.phone).executeTakeFirst()
      : await trx.selectFrom('residents').select('user_id').where('login_email', '=', who.email).executeTakeFirst();
  if (known) return known.user_id;
  const phone = 'phone' in who ? who.phone : null;
  const email = 'email' in who ? who.email : null;
  const user = await trx
    .insertInto('users')
    .values({
      username: phone ? `phone:${phone}` : `email:${email}`,
      display_name: phone ? `居民${phone.slice(7)}` : `居民${email!.split('@')[0].slice(0, 4)}`,
      // Not a scrypt hash, so no password ever matches: residents sign in by code or link only.
      password_hash: '!',
      role: 'public',
      department_id: null,
      email,
      phone,
      active: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('residents')
    .values({ user_id: user.id, phone, email, notify_by: phone ? 'sms' : 'email', created_at: now, login_email: email })
    .execute();
  return user.id;
}
