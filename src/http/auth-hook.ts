import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import type { UsersState } from '../users/users.feature.js';
import { checkSameOrigin } from './security.js';

export const SESSION_COOKIE = 'qd_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Resolves the caller once per request: API key first (machines), then the session cookie. */
export function registerAuth(app: FastifyInstance, { users, apiKeys }: UsersState): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const key = request.headers['x-api-key'];
    if (typeof key === 'string' && key.length > 0) {
      const actor = key.length <= 200 ? await apiKeys.actorFromKey(key) : null;
      if (!actor) throw new AppError('unauthenticated', say('接口密钥无效', 'the API key is not valid'));
      request.actor = actor;
      return;
    }
    const session = request.cookies?.[SESSION_COOKIE];
    if (session && session.length <= 200) {
      const actor = await users.actorFromSession(session);
      if (actor) {
        checkSameOrigin(request.method, request.headers);
        request.actor = actor;
      }
    }
  });
}

/** The tracking token a reporter presents, from the header or the query string. */
export function trackingToken(request: FastifyRequest): string | undefined {
  const h = request.headers['x-tracking-token'];
  if (typeof h === 'string' && h) return h.slice(0, 200);
  const q = (request.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q.slice(0, 200) : undefined;
}

export function clientKey(request: FastifyRequest): string {
  return request.actor.kind === 'anonymous'
    ? `ip:${request.ip}`
    : `${request.actor.kind}:${request.actor.id ?? request.actor.name}`;
}
