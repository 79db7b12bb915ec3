import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { MODERATORS } from './comment.service.js';
import { digest } from '../auth/secrets.js';
import { clientKey } from '../http/auth-hook.js';
import { CodeParams, errors, IdParams } from '../http/common-schemas.js';
import type { Caller, CommentService } from './comment.service.js';
import { DEVICE_COOKIE, DEVICE_DAYS } from './device-id.js';
import {
  CommentList,
  CommentListQuery,
  CommentSchema,
  HideBody,
  ReplyBody,
  LikeResult,
  ModerationList,
  ModerationQuery,
  MostCommented,
  PostCommentBody,
} from './comment.schema.js';

const tags = ['comments'];

/**
 * Who the request is, for comments and likes. An account likes as itself; an anonymous browser
 * as the signed device id in its `qd_device` cookie, which a like (`reply` given) issues when it
 * is missing or forged. A client-chosen token (the old X-Client-Token) no longer counts.
 */
export async function caller(
  comments: CommentService,
  req: FastifyRequest,
  reply?: { to: FastifyReply; secure: boolean },
): Promise<Caller> {
  const client = clientKey(req);
  const clientHash = digest(`client:${client}`);
  if (req.actor.kind !== 'anonymous') return { actor: req.actor, clientHash, likerHash: digest(`liker:${client}`) };
  let device = await comments.devices.verify(req.cookies[DEVICE_COOKIE]);
  if (!device && reply) {
    const issued = await comments.devices.issue();
    device = issued.id;
    reply.to.setCookie(DEVICE_COOKIE, issued.cookie, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: reply.secure,
      maxAge: DEVICE_DAYS * 86400,
    });
  }
  return { actor: req.actor, clientHash, likerHash: device ? digest(`liker:device:${device}`) : null };
}

/** Comments, thanks and likes on public items; moderation for the offices that answer the public. */
export const commentRoutes =
  (comments: CommentService, secureCookies: boolean): FastifyPluginAsyncTypebox =>
  async (app) => {
    const liking = async (req: FastifyRequest, reply: FastifyReply) =>
      caller(comments, req, { to: reply, secure: secureCookies });
    app.get(
      '/api/v1/problems/:code/comments',
      {
        schema: {
          tags,
          summary:
            'Comments and thanks on an item, hottest or newest first; staff also see hidden ones with the reason',
          params: CodeParams,
          querystring: CommentListQuery,
          response: { 200: CommentList, ...errors(400, 404) },
        },
      },
      async (req) => comments.list(await caller(comments, req), req.params.code, req.query),
    );

    app.post(
      '/api/v1/problems/:code/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a public item, or send thanks (送锦旗) once it is rectified; rate-limited per client',
          params: CodeParams,
          body: PostCommentBody,
          response: { 201: CommentSchema, ...errors(400, 404, 409, 429) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await comments.post(await caller(comments, req), req.params.code, req.body)),
    );

    app.post(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary:
            'Like a comment: once per account, or once per signed device (the qd_device cookie, issued here); ' +
            'anonymous likes are capped per address per comment',
          params: IdParams,
          response: { 200: LikeResult, ...errors(400, 404, 429) },
        },
      },
      async (req, reply) => comments.like(await liking(req, reply), req.params.id, true),
    );

    app.delete(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary: 'Take a like back',
          params: IdParams,
          response: { 200: LikeResult, ...errors(400, 404, 429) },
        },
      },
      async (req, reply) => comments.like(await liking(req, reply), req.params.id, false),
    );

    app.post(
      '/api/v1/comments/:id/reply',
      {
        config: { access: [...MODERATORS, 'department'] },
        schema: {
          tags,
          summary: 'Answer a comment in public (官方回复) as staff; a second reply replaces the first',
          params: IdParams,
          body: ReplyBody,
          response: { 200: CommentSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => comments.reply(req.actor, req.params.id, req.body.text),
    );

    app.post(
      '/api/v1/comments/:id/hide',
      {
        config: { access: MODERATORS },
        schema: {
          tags,
          summary: 'Hide a comment from the public, with the reason (admin, acceptance, supervisor)',
          params: IdParams,
          body: HideBody,
          response: { 200: CommentSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => comments.hide(req.actor, req.params.id, req.body.reason),
    );

    app.post(
      '/api/v1/comments/:id/restore',
      {
        config: { access: MODERATORS },
        schema: {
          tags,
          summary: 'Show a hidden comment again (admin, acceptance, supervisor)',
          params: IdParams,
          response: { 200: CommentSchema, ...errors(401, 403, 404) },
        },
      },
      async (req) => comments.hide(req.actor, req.params.id, null),
    );

    app.get(
      '/api/v1/comments/most-commented',
      {
        schema: {
          tags,
          summary: 'Public items with the most visible comments and thanks',
          querystring: Type.Object(
            { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) },
            { additionalProperties: false },
          ),
          response: { 200: MostCommented, ...errors(400) },
        },
      },
      async (req) => ({ items: await comments.mostCommented(req.query.limit ?? 5) }),
    );

    app.get(
      '/api/v1/comments',
      {
        config: { access: MODERATORS },
        schema: {
          tags,
          summary: 'Newest comments across items, for moderation (admin, acceptance, supervisor)',
          querystring: ModerationQuery,
          response: { 200: ModerationList, ...errors(400, 401, 403) },
        },
      },
      async (req) => comments.moderation(req.actor, req.query),
    );
  };
