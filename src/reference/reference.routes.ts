import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors, IdParams } from '../http/common-schemas.js';
import type { ReferenceState } from './reference.feature.js';
import { REFERENCE_KINDS, schemasFor } from './reference.schema.js';

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
      app.get(base, { schema: { tags, summary: `List ${kind.table}`, response: { 200: s.list } } }, async () => ({
        items: await svc.list(),
      }));
      app.get(
        `${base}/:id`,
        { schema: { tags, params: IdParams, response: { 200: s.item, ...errors(404) } } },
        async (req) => svc.get(req.params.id),
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
