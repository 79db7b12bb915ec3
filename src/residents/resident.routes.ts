import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AppError, say } from '../errors.js';
import { errors } from '../http/common-schemas.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import type { Kernel } from '../kernel.js';
import { usersFeature } from '../users/users.feature.js';
import type { ResidentsState } from './residents.feature.js';
import {
  ClaimBody,
  CodeBody,
  EmailLinkBody,
  EmailSessionBody,
  MyReport,
  ProfilePatch,
  ProfileSchema,
  SessionBody,
} from './resident.schema.js';

const tags = ['residents'];

/** Phone and e-mail sign-in, the resident's profile and "my reports". */
export const residentRoutes =
  (state: ResidentsState, k: Kernel): FastifyPluginAsyncTypebox =>
  async (app) => {
    const signedIn = async (reply: FastifyReply, sessionId: string) => {
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: k.config.secureCookies,
        maxAge: k.config.sessionDays * 86400,
      });
      const actor = await k.of(usersFeature).users.actorFromSession(sessionId);
      return state.reports.profile(actor!);
    };
    app.post(
      '/api/v1/residents/code',
      {
        schema: {
          tags,
          body: CodeBody,
          response: {
            200: Type.Object({ sentTo: Type.String(), expiresInMinutes: Type.Integer() }),
            ...errors(400, 429),
          },
        },
      },
      async (req) => {
        // Per IP per minute in memory (bursts), then per number and per IP per hour in the database.
        await k.rateLimiter.hit('resident-code', req.ip, 5);
        return state.auth.requestCode(req.body.phone, req.ip);
      },
    );
    app.post(
      '/api/v1/residents/session',
      { schema: { tags, body: SessionBody, response: { 200: ProfileSchema, ...errors(400, 401, 429) } } },
      async (req, reply) => {
        await k.rateLimiter.hit('resident-verify', req.ip, 20);
        const { sessionId } = await state.auth.verifyCode(req.body.phone, req.body.code);
        return signedIn(reply, sessionId);
      },
    );
    app.post(
      '/api/v1/residents/email-link',
      {
        schema: {
          tags,
          body: EmailLinkBody,
          response: {
            200: Type.Object({ sentTo: Type.String(), expiresInMinutes: Type.Integer() }),
            ...errors(400, 429, 503),
          },
        },
      },
      async (req) => {
        await k.rateLimiter.hit('resident-link', req.ip, 5);
        return state.links.requestLink(req.body.email, req.ip);
      },
    );
    app.post(
      '/api/v1/residents/email-session',
      { schema: { tags, body: EmailSessionBody, response: { 200: ProfileSchema, ...errors(400, 401, 429) } } },
      async (req, reply) => {
        await k.rateLimiter.hit('resident-verify', req.ip, 20);
        const { sessionId } = await state.links.signInWithLink(req.body.email, req.body.token);
        return signedIn(reply, sessionId);
      },
    );
    app.get('/api/v1/residents/me', { schema: { tags, response: { 200: ProfileSchema, ...errors(401) } } }, (req) =>
      state.reports.profile(req.actor),
    );
    app.patch(
      '/api/v1/residents/me',
      { schema: { tags, body: ProfilePatch, response: { 200: ProfileSchema, ...errors(400, 401) } } },
      (req) => state.reports.updateProfile(req.actor, req.body),
    );
    app.get(
      '/api/v1/residents/reports',
      { schema: { tags, response: { 200: Type.Object({ items: Type.Array(MyReport) }), ...errors(401) } } },
      async (req) => ({ items: await state.reports.mine(req.actor) }),
    );
    app.post(
      '/api/v1/residents/reports/claim',
      {
        schema: {
          tags,
          body: ClaimBody,
          response: { 200: Type.Object({ code: Type.String(), claimed: Type.Boolean() }), ...errors(401, 404, 409) },
        },
      },
      async (req) => {
        await k.rateLimiter.hit('resident-claim', req.ip, 20);
        return state.reports.claim(req.actor, req.body.code, req.body.token);
      },
    );
    // Demo mode only: the codes an SMS gateway (or links the mail) would have delivered, so the demo can be walked.
    app.get(
      '/api/v1/residents/dev-inbox',
      {
        schema: {
          tags,
          querystring: Type.Object({
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            email: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: { 200: Type.Object({ code: Type.String(), at: Type.String() }), ...errors(404) },
        },
      },
      async (req) => {
        const key = req.query.email?.trim().toLowerCase() ?? req.query.phone?.replace(/[\s-]/g, '') ?? '';
        const hit = state.devInbox?.get(key);
        if (!hit)
          throw new AppError(
            'not_found',
            say(
              '没有发往该地址的消息（开发收件箱仅在演示模式下开启）',
              'nothing sent to that address (the dev inbox is on in demo mode only)',
            ),
          );
        return hit;
      },
    );
  };
