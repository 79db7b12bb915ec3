import type { FastifyInstance } from 'fastify';
import { requireRole, STAFF_ROLES } from '../auth/actor.js';
import type { Role } from '../lifecycle/lifecycle.js';

/**
 * Who may call a route, declared with the route (`config: { access: 'staff' }`) and checked here
 * for every route, after validation and before the handler. Checks that depend on the data (a
 * department's own items, a reporter's token) stay with the data, in the feature's access policy
 * (problem-access.ts, supervision-access.ts); a route without `access` is public.
 */
export type Access = 'staff' | 'admin' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const rolesOf = (access: Access): readonly Role[] =>
  access === 'staff' ? STAFF_ROLES : access === 'admin' ? ['admin'] : access;

export function registerAccess(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access) requireRole(request.actor, [...rolesOf(access)]);
  });
  // The OpenAPI document says who may call each route.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || !route.schema) return;
    const who = `Roles: ${rolesOf(access).join(', ')}.`;
    const schema = route.schema as { description?: string };
    schema.description = schema.description ? `${schema.description} ${who}` : who;
  });
}
