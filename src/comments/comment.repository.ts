import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CommentTable } from '../db/schema.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import type { CommentKind } from './comment.schema.js';

export type CommentRow = Selectable<CommentTable>;
export type NewComment = Omit<
  CommentRow,
  'id' | 'like_count' | 'hidden_at' | 'hidden_reason' | 'hidden_by' | 'reply_text' | 'reply_by' | 'reply_at'
>;

export async function insertComment(db: Db, row: NewComment): Promise<number> {
  const r = await db
    .insertInto('comments')
    .values({ ...row, like_count: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findComment(db: Db, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ListOptions {
  includeHidden: boolean;
  kind?: CommentKind;
  sort: 'hot' | 'new';
  limit: number;
  offset: number;
}

export async function listForProblem(db: Db, problemId: number, o: ListOptions): Promise<CommentRow[]> {
  let q = db
    .selectFrom('comments')
    .selectAll()
    .where('problem_id', '=', problemId)
    .$if(!o.includeHidden, (b) => b.where('hidden_at', 'is', null))
    .$if(o.kind !== undefined, (b) => b.where('kind', '=', o.kind!));
  // "Hottest" is most liked, ties broken by the newer one; ids make the order total for paging.
  if (o.sort === 'hot') q = q.orderBy('like_count', 'desc');
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).offset(o.offset).execute();
}

export async function countsForProblem(
  db: Db,
  problemId: number,
  includeHidden: boolean,
): Promise<Record<CommentKind, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('problem_id', '=', problemId)
    .$if(!includeHidden, (b) => b.where('hidden_at', 'is', null))
    .groupBy('kind')
    .execute();
  const out: Record<CommentKind, number> = { comment: 0, thanks: 0 };
  for (const r of rows) if (r.kind === 'comment' || r.kind === 'thanks') out[r.kind] = Number(r.n);
  return out;
}

export async function likedBy(db: Db, commentIds: number[], likerHash: string): Promise<Set<number>> {
  if (!commentIds.length) return new Set();
  const rows = await db
    .selectFrom('comment_likes')
    .select('comment_id')
    .where('liker_hash', '=', likerHash)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}

/** Anonymous likes of a comment from one address since `since`, but for this liker's own. */
export async function anonymousLikesFrom(
  trx: Db,
  commentId: number,
  clientHash: string,
  likerHash: string,
  since: string,
): Promise<number> {
  const r = await trx
    .selectFrom('comment_likes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comment_id', '=', commentId)
    .where('client_hash', '=', clientHash)
    .where('liker_hash', '<>', likerHash)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** True when this liker had not liked it yet; the counter moves only then. */
export async function addLike(
  trx: Db,
  commentId: number,
  by: { likerHash: string; clientHash: string | null },
  now: string,
): Promise<boolean> {
  const r = await trx
    .insertInto('comment_likes')
    .values({ comment_id: commentId, liker_hash: by.likerHash, client_hash: by.clientHash, created_at: now })
    .onConflict((oc) => oc.columns(['comment_id', 'liker_hash']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await trx
    .updateTable('comments')
    .set((eb) => ({ like_count: eb('like_count', '+', 1) }))
    .where('id', '=', commentId)
    .execute();
  return true;
}

export async function removeLike(trx: Db, commentId: number, likerHash: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('comment_likes')
    .where('comment_id', '=', commentId)
    .where('liker_hash', '=', likerHash)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  await trx
    .updateTable('comments')
    .set((eb) => ({ like_count: eb('like_count', '-', 1) }))
    .where('id', '=', commentId)
    .execute();
  return true;
}

export async function setHidden(
  db: Db,
  id: number,
  h: { at: string; reason: string; by: string } | null,
): Promise<void> {
  await db
    .updateTable('comments')
    .set({ hidden_at: h?.at ?? null, hidden_reason: h?.reason ?? null, hidden_by: h?.by ?? null })
    .where('id', '=', id)
    .execute();
}

/**
 * Public items with the most visible comments and thanks, for the home page. Comments are counted
 * per item first and the few items joined after: joined the other way round, SQLite walked every
 * public item (200 ms at a million items with no comments at all).
 */
export async function mostCommented(db: Db, limit: number) {
  const counted = db
    .selectFrom('comments')
    .select((eb) => [
      'problem_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when('kind', '=', 'thanks').then(1).else(0).end()).as('thanks'),
      eb.fn.max('created_at').as('last'),
    ])
    .where('hidden_at', 'is', null)
    .groupBy('problem_id')
    .as('c');
  const rows = await db
    .selectFrom(counted)
    .innerJoin('problems as p', 'p.id', 'c.problem_id')
    .select(['p.code', 'p.title', 'p.status', 'c.total', 'c.thanks', 'c.last'])
    .where('p.is_public', '=', 1)
    .where('p.status', 'in', PUBLIC_STATES)
    .orderBy('c.total', 'desc')
    .orderBy('c.last', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    status: r.status,
    comments: Number(r.total) - Number(r.thanks ?? 0),
    thanks: Number(r.thanks ?? 0),
    lastCommentAt: r.last,
  }));
}

/** Newest comments across items for moderators, with the item each belongs to. */
export async function moderationList(db: Db, o: { hidden?: boolean; limit: number; offset: number }) {
  return db
    .selectFrom('comments')
    .innerJoin('problems as p', 'p.id', 'comments.problem_id')
    .selectAll('comments')
    .select(['p.code as problem_code', 'p.title as problem_title'])
    .$if(o.hidden === true, (b) => b.where('comments.hidden_at', 'is not', null))
    .$if(o.hidden === false, (b) => b.where('comments.hidden_at', 'is', null))
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
}

export async function setReply(db: Db, id: number, r: { text: string; by: string; at: string } | null): Promise<void> {
  await db
    .updateTable('comments')
    .set({ reply_text: r?.text ?? null, reply_by: r?.by ?? null, reply_at: r?.at ?? null })
    .where('id', '=', id)
    .execute();
}
