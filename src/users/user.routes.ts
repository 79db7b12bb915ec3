import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, say } from '../errors.js';
import { errors, IdParams } from '../http/common-schemas.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import { checkSameOrigin } from '../http/security.js';
import type { Kernel } from '../kernel.js';
import type { UsersState } from './users.feature.js';
import {
  ApiKeySchema,
  CreateApiKeyBody,
  CreateUserBody,
  LeaderSchema,
  LoginBody,
  PasswordBody,
  PatchUserBody,
  UserSchema,
} from './user.schema.js';

/**
 * A cross-site form could post the attacker's own credentials here and swap the victim's session
 * for the attacker's account (login CSRF): our pages send JSON, which a form cannot, and the
 * browser's Origin must be ours, as for every cookie-authenticated write.
 */
async function loginFromOwnPages(req: FastifyRequest): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json')
    throw new AppError('unsupported_media_type', say('请以 JSON 格式提交登录信息', 'sign in with a JSON body'));
  checkSameOrigin(req.method, req.headers);
}

export const userRoutes =
  ({ users, apiKeys }: UsersState, k: Kernel): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { config } = k;
    const cookieOpts = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.secureCookies,
      maxAge: config.sessionDays * 86400,
    };
    const auth = ['auth'];

    app.post(
      '/api/v1/auth/login',
      {
        schema: {
          tags: auth,
          body: LoginBody,
          response: { 200: Type.Object({ user: UserSchema }), ...errors(400, 401, 403, 415, 429) },
        },
        onRequest: loginFromOwnPages,
      },
      async (req, reply) => {
        await k.rateLimiter.hit('login', req.ip, config.loginPerMinute);
        const { sessionId, user } = await users.login(req.body.username, req.body.password, req.ip);
        reply.setCookie(SESSION_COOKIE, sessionId, cookieOpts);
        return { user };
      },
    );
    app.post('/api/v1/auth/logout', { schema: { tags: auth, response: { 204: Type.Null() } } }, async (req, reply) => {
      const sid = req.cookies[SESSION_COOKIE];
      if (sid) await users.logout(sid);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });
    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'staff' },
        schema: { tags: auth, response: { 200: Type.Object({ user: UserSchema }), ...errors(401) } },
      },
      async (req) => {
        const user = await users.me(req.actor);
        if (!user)
          throw new AppError(
            'unauthenticated',
            say('接口密钥没有用户账户，请登录', 'API keys have no user account; sign in'),
          );
        return { user };
      },
    );
    app.post(
      '/api/v1/auth/password',
      {
        config: { access: 'staff' },
        schema: { tags: auth, body: PasswordBody, response: { 204: Type.Null(), ...errors(400, 401, 403) } },
      },
      async (req, reply) => {
        await users.changePassword(
          req.actor,
          req.body.currentPassword,
          req.body.newPassword,
          req.cookies[SESSION_COOKIE],
        );
        return reply.status(204).send(null);
      },
    );

    const admin = ['administration'];
    app.get(
      '/api/v1/users',
      {
        config: { access: 'admin' },
        schema: { tags: admin, response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errors(401, 403) } },
      },
      async () => {
        return { items: await users.list() };
      },
    );
    // Leaders are listed for every staff member: the assign form picks an owner leader.
    app.get(
      '/api/v1/leaders',
      {
        config: { access: 'staff' },
        schema: {
          tags: admin,
          response: {
            200: Type.Object({ items: Type.Array(LeaderSchema) }),
            ...errors(401, 403),
          },
        },
      },
      async () => {
        return {
          items: (await users.list())
            .filter((u) => u.role === 'leader' && u.active)
            .map((u) => ({ id: u.id, displayName: u.displayName })),
        };
      },
    );
    app.post(
      '/api/v1/users',
      {
        config: { access: 'admin' },
        schema: { tags: admin, body: CreateUserBody, response: { 201: UserSchema, ...errors(400, 401, 403, 409) } },
      },
      async (req, reply) => {
        return reply.status(201).send(await users.create(req.body));
      },
    );
    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: admin,
          params: IdParams,
          body: PatchUserBody,
          response: { 200: UserSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        return users.update(req.params.id, req.body);
      },
    );
    app.get(
      '/api/v1/api-keys',
      {
        config: { access: 'admin' },
        schema: {
          tags: admin,
          response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errors(401, 403) },
        },
      },
      async () => {
        return { items: await apiKeys.list() };
      },
    );
    app.post(
      '/api/v1/api-keys',
      {
        config: { access: 'admin' },
        schema: {
          tags: admin,
          body: CreateApiKeyBody,
          response: { 201: Type.Object({ apiKey: ApiKeySchema, key: Type.String() }), ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => {
        return reply.status(201).send(await apiKeys.create(req.actor, req.body));
      },
    );
    app.delete(
      '/api/v1/api-keys/:id',
      {
        config: { access: 'admin' },
        schema: { tags: admin, params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404) } },
      },
      async (req, reply) => {
        await apiKeys.revoke(req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
