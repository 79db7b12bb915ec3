import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors, IdParams } from '../http/common-schemas.js';
import { isStaff } from '../auth/actor.js';
import type { ReferenceState } from './reference.feature.js';
import { REFERENCE_KINDS, schemasFor } from './reference.schema.js';

/**
 * A category's routing keywords are internal (issue #14: they were published, through Open311
 * too): the public gets them blank, staff get them as stored.
 */
function forCaller<T extends object>(item: T, staff: boolean): T {
  return !staff && 'keywords' in item ? { ...item, keywords: '' } : item;
}

/** GET is public (pickers need it); changes are for administrators. */
export const referenceRoutes =
  (services: ReferenceState['services']): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const kind of REFERENCE_KINDS) {
      const s = schemasFor(kind);
      // Generic over the kinds: the schema, not the compiler, guarantees each kind's shape.
      const svc = services[kind.table] as any;
      const tags = ['reference data'];
      const base = `/api/v1/${kind.table}`;
      app.get(base, { schema: { tags, summary: `List ${kind.table}`, response: { 200: s.list } } }, async (req) => ({
        items: ((await svc.list()) as Record<string, unknown>[]).map((x) => forCaller(x, isStaff(req.actor))),
      }));
      app.get(
        `${base}/:id`,
        { schema: { tags, params: IdParams, response: { 200: s.item, ...errors(404) } } },
        async (req) => forCaller(await svc.get(req.params.id), isStaff(req.actor)),
      );
      app.post(
        base,
        {
          config: { access: 'admin' },
          schema: {
            tags,
            summary: `Create a ${kind.label}`,
            body: s.create,
            response: { 201: s.item, ...errors(400, 401, 403, 409) },
          },
        },
        async (req, reply) => {
          return reply.status(201).send(await svc.create(req.body as Record<string, unknown>));
        },
      );
      app.patch(
        `${base}/:id`,
        {
          config: { access: 'admin' },
          schema: {
            tags,
            params: IdParams,
            body: s.patch,
            response: { 200: s.item, ...errors(400, 401, 403, 404, 409) },
          },
        },
        async (req) => {
          return svc.update(req.params.id, req.body as Record<string, unknown>);
        },
      );
      app.delete(
        `${base}/:id`,
        {
          config: { access: 'admin' },
          schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } },
        },
        async (req, reply) => {
          await svc.remove(req.params.id);
          return reply.status(204).send(null);
        },
      );
    }
  };
