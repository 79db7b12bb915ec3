import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { MODERATORS } from './comment.service.js';
import { digest } from '../auth/secrets.js';
import { clientKey } from '../http/auth-hook.js';
import { CodeParams, errors, IdParams } from '../http/common-schemas.js';
import type { Caller, CommentService } from './comment.service.js';
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
/** A random id a browser keeps in localStorage, so likes count once per browser, not per address. */
const CLIENT_TOKEN = /^[A-Za-z0-9_-]{16,100}$/;
const ClientHeaders = Type.Object({
  'x-client-token': Type.Optional(
    Type.String({
      maxLength: 100,
      description:
        'per-browser random id (16-100 of A-Z a-z 0-9 _ -); likes count once per id, or once per address without it',
    }),
  ),
});

function caller(req: FastifyRequest): Caller {
  const client = clientKey(req);
  const token = req.headers['x-client-token'];
  const liker = typeof token === 'string' && CLIENT_TOKEN.test(token) ? `token:${token}` : client;
  return { actor: req.actor, clientHash: digest(`client:${client}`), likerHash: digest(`liker:${liker}`) };
}

/** Comments, thanks and likes on public items; moderation for the offices that answer the public. */
export const commentRoutes =
  (comments: CommentService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/problems/:code/comments',
      {
        schema: {
          tags,
          summary:
            'Comments and thanks on an item, hottest or newest first; staff also see hidden ones with the reason',
          params: CodeParams,
          querystring: CommentListQuery,
          headers: ClientHeaders,
          response: { 200: CommentList, ...errors(400, 404) },
        },
      },
      async (req) => comments.list(caller(req), req.params.code, req.query),
    );

    app.post(
      '/api/v1/problems/:code/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a public item, or send thanks (送锦旗) once it is rectified; rate-limited per client',
          params: CodeParams,
          body: PostCommentBody,
          headers: ClientHeaders,
          response: { 201: CommentSchema, ...errors(400, 404, 409, 429) },
        },
      },
      async (req, reply) => reply.status(201).send(await comments.post(caller(req), req.params.code, req.body)),
    );

    app.post(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary: 'Like a comment; a second like by the same client changes nothing',
          params: IdParams,
          headers: ClientHeaders,
          response: { 200: LikeResult, ...errors(400, 404, 429) },
        },
      },
      async (req) => comments.like(caller(req), req.params.id, true),
    );

    app.delete(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary: 'Take a like back',
          params: IdParams,
          headers: ClientHeaders,
          response: { 200: LikeResult, ...errors(400, 404, 429) },
        },
      },
      async (req) => comments.like(caller(req), req.params.id, false),
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
