import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { randomToken } from '../auth/secrets.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { subtreeIds } from '../reference/reference.repository.js';
import type { Channel } from '../notify/channels.js';
import type { ProblemWrite } from '../problems/problem-hooks.js';
import type { Clock } from '../shared/time.js';
import { requireResident } from './resident-reports.js';
import { queueForResident } from './resident-outbox.js';
import './resident-tables.js';

export interface SubscriptionDeps {
  db: Db;
  clock: Clock;
  timezone: string;
  publicUrl: string;
  channels: () => Channel[];
}

/** Steps a follower hears of: an item becoming public, and its rectification. */
const NEWS: Record<string, { zh: string; en: string }> = {
  accept: { zh: '新问题', en: 'New' },
  assign: { zh: '已交办', en: 'Assigned' },
  rectify: { zh: '已整改', en: 'Rectified' },
};

/** Ids of an area and every area above it: a subscription to a district hears of its villages. */
async function areaAncestors(db: Db, areaId: number | null): Promise<number[]> {
  const out: number[] = [];
  for (let id = areaId, depth = 0; id !== null && depth < 8; depth++) {
    out.push(id);
    const row = await db.selectFrom('areas').select('parent_id').where('id', '=', id).executeTakeFirst();
    id = row?.parent_id ?? null;
  }
  return out;
}

export function subscriptionService(deps: SubscriptionDeps) {
  const { db, clock } = deps;
  const unsubscribeLink = (token: string) => `${deps.publicUrl}/api/v1/residents/unsubscribe?token=${token}`;

  async function subscribe(
    actor: Actor,
    input: { problemCode?: string; areaId?: number; categoryId?: number; mode: 'immediate' | 'daily' },
  ) {
    const userId = requireResident(actor);
    const given = [input.problemCode, input.areaId, input.categoryId].filter((v) => v !== undefined);
    if (given.length !== 1)
      throw new AppError('validation_failed', say('请选择一个关注对象', 'follow one item, area or category'), {
        field: 'areaId',
      });
    let problemId: number | null = null;
    if (input.problemCode) {
      const p = await db
        .selectFrom('problems')
        .select('id')
        .where('code', '=', input.problemCode)
        .where('is_public', '=', 1)
        .where('status', 'in', PUBLIC_STATES)
        .executeTakeFirst();
      if (!p) throw notFound('problem', input.problemCode);
      problemId = p.id;
    }
    if (input.areaId && !(await db.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst()))
      throw notFound('area', input.areaId);
    if (
      input.categoryId &&
      !(await db.selectFrom('categories').select('id').where('id', '=', input.categoryId).executeTakeFirst())
    )
      throw notFound('category', input.categoryId);
    const now = clock().toISOString();
    const r = await db
      .insertInto('resident_subscriptions')
      .values({
        user_id: userId,
        problem_id: problemId,
        area_id: input.areaId ?? null,
        category_id: input.categoryId ?? null,
        mode: input.mode,
        unsubscribe_token: randomToken('u_'),
        created_at: now,
        last_sent_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: r.id, mode: input.mode };
  }

  async function list(actor: Actor) {
    const userId = requireResident(actor);
    const rows = await db
      .selectFrom('resident_subscriptions as s')
      .leftJoin('areas', 'areas.id', 's.area_id')
      .leftJoin('categories', 'categories.id', 's.category_id')
      .leftJoin('problems', 'problems.id', 's.problem_id')
      .select(['s.id', 's.mode', 'areas.name as area', 'categories.name as category', 'problems.code as problemCode'])
      .where('s.user_id', '=', userId)
      .orderBy('s.id')
      .execute();
    return rows;
  }

  /** One click from a message: the token alone ends that subscription. */
  async function unsubscribe(token: string) {
    const r = await db.deleteFrom('resident_subscriptions').where('unsubscribe_token', '=', token).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1)
      throw new AppError('not_found', say('未找到该订阅', 'that subscription was not found'));
  }

  async function remove(actor: Actor, id: number) {
    const userId = requireResident(actor);
    await db.deleteFrom('resident_subscriptions').where('id', '=', id).where('user_id', '=', userId).execute();
  }

  /** Immediate followers hear of the step inside the writing transaction. */
  async function afterWrite(trx: Db, write: ProblemWrite) {
    const news = NEWS[write.action];
    if (!news || write.batch) return;
    const p = await trx
      .selectFrom('problems')
      .select(['id', 'code', 'title', 'area_id', 'category_id', 'is_public'])
      .where('id', '=', write.problemId)
      .executeTakeFirst();
    if (p?.is_public !== 1) return;
    const areas = await areaAncestors(trx, p.area_id);
    const subs = await trx
      .selectFrom('resident_subscriptions as s')
      .innerJoin('residents as r', 'r.user_id', 's.user_id')
      .select(['s.unsubscribe_token', 'r.phone', 'r.email', 'r.notify_by'])
      .where('s.mode', '=', 'immediate')
      .where((eb) =>
        eb.or([
          eb('s.problem_id', '=', p.id),
          eb('s.area_id', 'in', areas.length ? areas : [-1]),
          eb('s.category_id', '=', p.category_id ?? -1),
        ]),
      )
      .execute();
    for (const s of subs)
      await queueForResident(
        trx,
        { channels: deps.channels(), timezone: deps.timezone, now: clock() },
        { phone: s.phone, email: s.email, notifyBy: s.notify_by },
        {
          kind: 'subscription',
          title: `${news.zh}：${p.title} / ${news.en}`,
          body:
            `【清单】${news.zh}：${p.title}（${p.code}）${deps.publicUrl}/problems/${p.code} ` +
            `退订 Unsubscribe: ${unsubscribeLink(s.unsubscribe_token)}`,
          problemCode: p.code,
        },
      );
  }

  /** The daily digest: for each daily subscription, what became public or was rectified since the last one. */
  async function sendDigests() {
    const now = clock();
    const subs = await db
      .selectFrom('resident_subscriptions as s')
      .innerJoin('residents as r', 'r.user_id', 's.user_id')
      .select(['s.id', 's.area_id', 's.category_id', 's.problem_id', 's.last_sent_at', 's.created_at'])
      .select(['s.unsubscribe_token', 'r.phone', 'r.email', 'r.notify_by'])
      .where('s.mode', '=', 'daily')
      .execute();
    let sent = 0;
    for (const s of subs) {
      const since = s.last_sent_at ?? s.created_at;
      const areaIds = s.area_id ? await descendants(db, s.area_id) : null;
      const events = await db
        .selectFrom('events')
        .innerJoin('problems as p', 'p.id', 'events.problem_id')
        .select(['p.code', 'p.title', 'events.action'])
        .where('events.action', 'in', Object.keys(NEWS))
        .where('events.created_at', '>', since)
        .where('p.is_public', '=', 1)
        .$if(areaIds !== null, (q) => q.where('p.area_id', 'in', areaIds!))
        .$if(s.category_id !== null, (q) => q.where('p.category_id', '=', s.category_id!))
        .$if(s.problem_id !== null, (q) => q.where('p.id', '=', s.problem_id!))
        .orderBy('events.id')
        .limit(20)
        .execute();
      await db.transaction().execute(async (trx) => {
        if (events.length) {
          const lines = events.map((e) => `${NEWS[e.action].zh} ${e.code} ${e.title}`).join('；');
          const ok = await queueForResident(
            trx,
            { channels: deps.channels(), timezone: deps.timezone, now },
            { phone: s.phone, email: s.email, notifyBy: s.notify_by },
            {
              kind: 'digest',
              title: `关注日报 / Daily digest (${events.length})`,
              body: `【清单】关注日报 Daily digest：${lines}。退订 Unsubscribe: ${unsubscribeLink(s.unsubscribe_token)}`,
              problemCode: null,
            },
          );
          if (ok) sent++;
        }
        await trx
          .updateTable('resident_subscriptions')
          .set({ last_sent_at: now.toISOString() })
          .where('id', '=', s.id)
          .execute();
      });
    }
    return { sent };
  }

  return { subscribe, list, unsubscribe, remove, afterWrite, sendDigests };
}

const descendants = (db: Db, areaId: number) => subtreeIds(db, 'areas', areaId);
