import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import { AppError, notFound, say } from '../errors.js';
import type { Role } from '../lifecycle/lifecycle.js';
import { isPubliclyVisible, mayReadContact } from '../problems/problem-access.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { ProblemService } from '../problems/problem.service.js';
import type { Dialect } from '../db/dialect.js';
import { deviceIds } from './device-id.js';

export interface CommentDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  problems: ProblemService;
  rateLimiter: RateLimiter;
}
import * as repo from './comment.repository.js';
import type { CommentListQueryInput, CommentView, PostCommentInput } from './comment.schema.js';

/** Who moderates: the offices that answer to the public, not the units being commented on. */
export const MODERATORS: Role[] = ['admin', 'acceptance', 'supervisor'];
/** Hidden text (spam, abuse, someone's phone number) and why it was hidden: for moderators only. */
const moderates = (actor: Actor) => MODERATORS.includes(actor.role);
/** Thanks (送锦旗) are for work done: they open once an item is rectified. */
const THANKS_STATES = ['rectified', 'verified', 'closed'];
/**
 * Anonymous likes of one comment from one address count at most `anonymousLikesPerAddress` times
 * a window: a household or an office behind one address may hold a few people, a script that
 * drops its device cookie before every like is still a few likes. Accounts count once each.
 */
export const LIMITS = { commentsPerMinute: 5, likesPerMinute: 60, anonymousLikesPerAddress: 3, likeWindowHours: 24 };

/** The caller as comments see them: digests only, never an address or a device id in clear. */
export interface Caller {
  actor: Actor;
  clientHash: string;
  /** The account or signed device that likes; null for a browser without a device id yet. */
  likerHash: string | null;
}

export function commentService(services: CommentDeps) {
  const { db, clock } = services;
  const devices = deviceIds(db, clock);

  /** Refuses an anonymous like once its address has liked this comment its share of times. */
  async function capAnonymous(trx: Db, c: Caller, id: number, likerHash: string) {
    if (c.actor.kind !== 'anonymous') return;
    // The comment's row lock serialises likes of one comment, so two at once cannot both pass.
    await services.dialect.forUpdate(trx.selectFrom('comments').select('id').where('id', '=', id)).execute();
    const since = new Date(clock().getTime() - LIMITS.likeWindowHours * 3_600_000).toISOString();
    const n = await repo.anonymousLikesFrom(trx, id, c.clientHash, likerHash, since);
    if (n >= LIMITS.anonymousLikesPerAddress)
      throw new AppError(
        'rate_limited',
        '这个网络地址已为这条评论匿名点赞多次，请登录后点赞 / this address has liked this comment ' +
          `${LIMITS.anonymousLikesPerAddress} times without signing in; sign in to like it`,
        { retryAfterSeconds: LIMITS.likeWindowHours * 3600 },
      );
  }

  function present(r: repo.CommentRow, actor: Actor, liked: Set<number>): CommentView {
    const view: CommentView = {
      id: r.id,
      kind: r.kind as CommentView['kind'],
      authorName: r.author_name,
      text: r.text,
      likes: r.like_count,
      likedByMe: liked.has(r.id),
      createdAt: r.created_at,
      hidden: r.hidden_at !== null,
      reply: r.reply_text && r.reply_at ? { text: r.reply_text, by: r.reply_by ?? '', at: r.reply_at } : null,
    };
    if (moderates(actor))
      Object.assign(view, { hiddenReason: r.hidden_reason, hiddenAt: r.hidden_at, hiddenBy: r.hidden_by });
    if (mayReadContact(actor)) view.contact = r.author_contact;
    return view;
  }

  /** A comment the caller may act on: its item must be readable and (but for moderators) not hidden. */
  async function visibleComment(actor: Actor, id: number) {
    const row = await repo.findComment(db, id);
    if (!row || (row.hidden_at !== null && !moderates(actor))) throw notFound('comment', id);
    const problem = await db
      .selectFrom('problems')
      .select('code')
      .where('id', '=', row.problem_id)
      .executeTakeFirstOrThrow();
    await services.problems.load(db, actor, problem.code).catch(() => {
      throw notFound('comment', id);
    });
    return row;
  }

  return {
    async list(c: Caller, code: string, q: CommentListQueryInput) {
      const { row } = await services.problems.load(db, c.actor, code);
      const includeHidden = moderates(c.actor);
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const rows = await repo.listForProblem(db, row.id, {
        includeHidden,
        kind: q.kind,
        sort: q.sort ?? 'hot',
        limit: limit + 1,
        offset,
      });
      const page = rows.slice(0, limit);
      const liked = c.likerHash
        ? await repo.likedBy(
            db,
            page.map((r) => r.id),
            c.likerHash,
          )
        : new Set<number>();
      const counts = await repo.countsForProblem(db, row.id, includeHidden);
      return {
        items: page.map((r) => present(r, c.actor, liked)),
        total: counts.comment + counts.thanks,
        counts,
        nextOffset: rows.length > limit ? offset + limit : null,
      };
    },

    async post(c: Caller, code: string, input: PostCommentInput) {
      const { row } = await services.problems.load(db, c.actor, code);
      // Comments are published: an item not on the public list (or private) takes none.
      if (!isPubliclyVisible(row))
        throw new AppError('conflict', say('事项公开后才能留言', 'comments open once the item is public'), {
          status: row.status,
        });
      const text = input.text.trim();
      if (!text)
        throw new AppError('validation_failed', say('留言内容为空', 'the comment is empty'), { field: 'text' });
      const kind = input.kind ?? 'comment';
      if (kind === 'thanks' && !THANKS_STATES.includes(row.status)) {
        throw new AppError('conflict', say('事项整改完成后才能致谢', 'thanks can be sent once the item is rectified'), {
          status: row.status,
        });
      }
      if (!isStaff(c.actor)) await services.rateLimiter.hit('comment', c.clientHash, LIMITS.commentsPerMinute);
      const id = await repo.insertComment(db, {
        problem_id: row.id,
        kind,
        text,
        author_name: input.authorName?.trim() || null,
        author_contact: input.contact?.trim() || null,
        client_hash: c.clientHash,
        created_at: clock().toISOString(),
      });
      return present((await repo.findComment(db, id))!, c.actor, new Set());
    },

    devices,

    async like(c: Caller, id: number, on: boolean) {
      const liker = c.likerHash;
      if (!liker) throw new AppError('internal', 'a like needs an account or a device id');
      await visibleComment(c.actor, id);
      await services.rateLimiter.hit('like', c.clientHash, LIMITS.likesPerMinute);
      const now = clock().toISOString();
      const from = c.actor.kind === 'anonymous' ? c.clientHash : null;
      await db.transaction().execute(async (trx) => {
        if (!on) return repo.removeLike(trx, id, liker);
        await capAnonymous(trx, c, id, liker);
        return repo.addLike(trx, id, { likerHash: liker, clientHash: from }, now);
      });
      const row = (await repo.findComment(db, id))!;
      return { id, likes: row.like_count, likedByMe: on };
    },

    async hide(actor: Actor, id: number, reason: string | null) {
      const row = await repo.findComment(db, id);
      if (!row) throw notFound('comment', id);
      const why = reason?.trim();
      if (reason !== null && !why)
        throw new AppError('validation_failed', say('请说明隐藏该留言的原因', 'say why the comment is hidden'), {
          field: 'reason',
        });
      await repo.setHidden(db, id, why ? { at: clock().toISOString(), reason: why, by: actor.name } : null);
      return present((await repo.findComment(db, id))!, actor, new Set());
    },

    /** Staff answer a comment in public (官方回复); a second reply replaces the first. */
    async reply(actor: Actor, id: number, text: string) {
      await visibleComment(actor, id);
      const said = text.trim();
      if (!said) throw new AppError('validation_failed', say('请填写回复内容', 'write the reply'), { field: 'text' });
      await repo.setReply(db, id, { text: said, by: actor.name, at: clock().toISOString() });
      return present((await repo.findComment(db, id))!, actor, new Set());
    },

    mostCommented: (limit: number) => repo.mostCommented(db, limit),

    async moderation(actor: Actor, q: { hidden?: boolean; limit?: number; offset?: number }) {
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const rows = await repo.moderationList(db, { hidden: q.hidden, limit: limit + 1, offset });
      return {
        items: rows
          .slice(0, limit)
          .map((r) => ({ ...present(r, actor, new Set()), problem: { code: r.problem_code, title: r.problem_title } })),
        nextOffset: rows.length > limit ? offset + limit : null,
      };
    },
  };
}

export type CommentService = ReturnType<typeof commentService>;
