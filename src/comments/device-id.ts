/**
 * Device ids for anonymous likes: the server picks the id and signs it (HMAC-SHA256), and the
 * browser keeps it in a cookie. A client-chosen token let one script like a comment 50 times with
 * 50 tokens (issue #16 finding 10); a forged or made-up id now fails the signature, and a fresh
 * id per request is capped per address by the comment service. The key is made once and kept in
 * the database, so every instance on it accepts every other's ids.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';

export const DEVICE_COOKIE = 'qd_device';
/** How long a browser keeps its device id (the cookie's Max-Age). */
export const DEVICE_DAYS = 365;
const KEY_NAME = 'device-id';

export function deviceIds(db: Db, clock: Clock) {
  let key: Promise<Buffer> | undefined;

  async function loadKey(): Promise<Buffer> {
    await db
      .insertInto('server_keys')
      .values({
        name: KEY_NAME,
        secret: crypto.randomBytes(32).toString('base64url'),
        created_at: clock().toISOString(),
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await db
      .selectFrom('server_keys')
      .select('secret')
      .where('name', '=', KEY_NAME)
      .executeTakeFirstOrThrow();
    return Buffer.from(row.secret, 'base64url');
  }

  async function sign(id: string): Promise<string> {
    key ??= loadKey().catch((err) => {
      key = undefined;
      throw err;
    });
    return crypto
      .createHmac('sha256', await key)
      .update(`device:${id}`)
      .digest('base64url');
  }

  return {
    /** The id a cookie value carries when its signature holds, else null. */
    async verify(cookie: string | undefined): Promise<string | null> {
      const [id, mac, extra] = (cookie ?? '').split('.');
      if (!id || !mac || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
      const expected = Buffer.from(await sign(id));
      const given = Buffer.from(mac);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
    },
    /** A new id and the cookie value that carries it. */
    async issue(): Promise<{ id: string; cookie: string }> {
      const id = crypto.randomBytes(16).toString('base64url');
      return { id, cookie: `${id}.${await sign(id)}` };
    },
  };
}
