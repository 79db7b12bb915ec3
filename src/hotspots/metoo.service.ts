/**
 * "Me too" (我也遇到) on a public item: one per account, or one per signed device for a visitor
 * without one (the comments' `qd_device` cookie), and at most `anonymousPerAddress` anonymous
 * ones per item from one address a day, so a script that drops its cookie each time cannot
 * inflate an item — the same rules as comment likes (src/comments/comment.service.ts).
 */
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { AppError, notFound, say } from '../errors.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { isPubliclyVisible } from '../problems/problem-access.js';
import type { Clock } from '../shared/time.js';
import { supportOf } from './hotspot.service.js';

export const METOO_LIMITS = { perMinute: 30, anonymousPerAddress: 3, windowHours: 24 };

/** Who says "me too": digests only (comment.routes.ts `caller`). */
export interface Supporter {
  actor: Actor;
  clientHash: string;
  likerHash: string | null;
}

export interface MetooDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  rateLimiter: RateLimiter;
  changed(): void;
}

export function metooService(d: MetooDeps) {
  /** The item, if the public may see it; not found otherwise, like every other public read. */
  async function publicItem(code: string) {
    const row = await d.db.selectFrom('problems').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row || !isPubliclyVisible(row)) throw notFound('problem', code);
    return row;
  }

  async function state(id: number, code: string, liker: string | null) {
    const count = (await supportOf(d.db, [id])).get(id) ?? 0;
    const mine = liker
      ? !!(await d.db
          .selectFrom('hot_metoo')
          .select('problem_id')
          .where('problem_id', '=', id)
          .where('supporter_hash', '=', liker)
          .executeTakeFirst())
      : false;
    return { code, count, mine };
  }

  return {
    async get(s: Supporter, code: string) {
      const row = await publicItem(code);
      return state(row.id, code, s.likerHash);
    },

    async set(s: Supporter, code: string, on: boolean) {
      const liker = s.likerHash;
      if (!liker) throw new AppError('internal', 'a "me too" needs an account or a device id');
      const row = await publicItem(code);
      await d.rateLimiter.hit('metoo', s.clientHash, METOO_LIMITS.perMinute);
      const anonymous = s.actor.kind === 'anonymous';
      await d.db.transaction().execute(async (trx) => {
        if (!on) {
          await trx
            .deleteFrom('hot_metoo')
            .where('problem_id', '=', row.id)
            .where('supporter_hash', '=', liker)
            .execute();
          return;
        }
        if (anonymous) {
          // The item's row lock serialises them, so two at once from one address cannot both pass the cap.
          await d.dialect.forUpdate(trx.selectFrom('problems').select('id').where('id', '=', row.id)).execute();
          const since = new Date(d.clock().getTime() - METOO_LIMITS.windowHours * 3_600_000).toISOString();
          const n = await trx
            .selectFrom('hot_metoo')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('problem_id', '=', row.id)
            .where('client_hash', '=', s.clientHash)
            .where('supporter_hash', '<>', liker)
            .where('created_at', '>', since)
            .executeTakeFirstOrThrow();
          if (Number(n.n) >= METOO_LIMITS.anonymousPerAddress)
            throw new AppError(
              'rate_limited',
              say(
                '这个网络地址已多次匿名表示"我也遇到"，请登录后再试',
                `this address has said "me too" ${METOO_LIMITS.anonymousPerAddress} times without signing in; sign in`,
              ),
              { retryAfterSeconds: METOO_LIMITS.windowHours * 3600 },
            );
        }
        await trx
          .insertInto('hot_metoo')
          .values({
            problem_id: row.id,
            supporter_hash: liker,
            client_hash: anonymous ? s.clientHash : null,
            created_at: d.clock().toISOString(),
          })
          .onConflict((oc) => oc.columns(['problem_id', 'supporter_hash']).doNothing())
          .execute();
      });
      d.changed();
      return state(row.id, code, liker);
    },
  };
}

export type MetooService = ReturnType<typeof metooService>;
