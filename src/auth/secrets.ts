import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

// N=2^15 makes each guess cost ~50 ms and 32 MiB; tests may lower it through QINGDAN_SCRYPT_N.
const SCRYPT_N = Number(process.env.QINGDAN_SCRYPT_N ?? 32768);
const KEY_LEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, { N: SCRYPT_N, r: 8, p: 1, maxmem: 128 * SCRYPT_N * 8 * 2 });
  return `scrypt$${SCRYPT_N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, 'base64url');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return crypto.timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * The work of one real password check, against a hash made once with the current cost: sign-ins
 * to unknown or disabled accounts take as long as wrong passwords for real ones, so response
 * times do not reveal which usernames exist.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('base64url'));
  await verifyPassword(password, await dummyHash);
}

/** An unguessable token (256 bits) for sessions, tracking tokens and API keys. */
export function randomToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** Secrets are stored only as SHA-256 digests; a leaked table reveals no usable token. */
export function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  if (ba.length !== bb.length) return false;
  return crypto.timingSafeEqual(ba, bb);
}

export const PASSWORD_RULE = { minLength: 8, maxLength: 200 };
