import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';

/**
 * Sign-in backoff (issue #16, finding 7) in place of a hard 15-minute lock that let anyone who
 * knew a username shut its owner out. Failures are counted per account and address, with an
 * exponentially growing wait (to 15 minutes), and per account from every address with a few more
 * free tries and a short cap (30 s): an attacker's address only slows itself down, a spread-out
 * attack is throttled to a try per 30 s, and the owner from another address waits at most that.
 * Counted by the name typed, whether or not it exists, so both answer alike.
 */
interface Tier {
  scope: 'pair' | 'account';
  free: number;
  capMs: number;
}
const TIERS: readonly Tier[] = [
  { scope: 'pair', free: 3, capMs: 15 * 60_000 },
  { scope: 'account', free: 10, capMs: 30_000 },
];
const FORGET_MS = 24 * 3_600_000;

/** The wait after the n-th failure: none for the free tries, then 1 s, 2 s, 4 s … up to the cap. */
export function backoffMs(n: number, tier: Pick<Tier, 'free' | 'capMs'>): number {
  return n <= tier.free ? 0 : Math.min(tier.capMs, 1000 * 2 ** (n - tier.free - 1));
}

const clientOf = (tier: Tier, username: string, ip: string) =>
  tier.scope === 'pair' ? `${username.trim().toLowerCase()}|${ip}` : username.trim().toLowerCase();

/**
 * Takes one attempt for `username` from `ip`, or refuses it with 429 and Retry-After while a wait
 * is running. Counting and the check are one statement per tier (an upsert whose update only
 * happens when no wait is running), so parallel guesses cannot slip past a stale count.
 */
export async function takeLoginAttempt(db: Db, username: string, ip: string, now: number): Promise<void> {
  for (const tier of TIERS) {
    const client = clientOf(tier, username, ip);
    // A failure a day old is forgotten: the count starts again.
    const n = sql`(case when login_backoff.next_at < ${now - FORGET_MS} then 1 else login_backoff.failures + 1 end)`;
    const waits = Array.from({ length: tier.free + 12 }, (_, i) => i + 1).map(
      (k) => sql`when ${sql.lit(k)} then ${sql.lit(backoffMs(k, tier))}`,
    );
    const taken = await sql<{ failures: number }>`
      insert into login_backoff (scope, client, failures, next_at)
      values (${tier.scope}, ${client}, 1, cast(${now} as bigint))
      on conflict (scope, client) do update set failures = ${n},
        next_at = cast(${now} as bigint) + (case ${n} ${sql.join(waits, sql` `)} else ${sql.lit(tier.capMs)} end)
      where login_backoff.next_at <= cast(${now} as bigint)
      returning failures`.execute(db);
    if (taken.rows.length) continue;
    const row = await sql<{ next_at: number }>`
      select next_at from login_backoff where scope = ${tier.scope} and client = ${client}`.execute(db);
    const seconds = Math.max(1, Math.ceil((Number(row.rows[0]?.next_at ?? now) - now) / 1000));
    throw new AppError(
      'rate_limited',
      `登录尝试过多，请 ${seconds} 秒后再试 / too many sign-in attempts; try again in ${seconds} s`,
      {
        retryAfterSeconds: seconds,
      },
    );
  }
}

/** A correct password clears both counts: the owner is not slowed down by earlier failures. */
export async function clearLoginFailures(db: Db, username: string, ip: string): Promise<void> {
  for (const tier of TIERS) {
    const client = clientOf(tier, username, ip);
    await sql`delete from login_backoff where scope = ${tier.scope} and client = ${client}`.execute(db);
  }
}
