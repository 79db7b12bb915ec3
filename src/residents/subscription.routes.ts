import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors, IdParams } from '../http/common-schemas.js';
import type { Db } from '../db/database.js';
import type { subscriptionService } from './subscriptions.js';
import { itemsFeed } from './feeds.js';

const tags = ['residents'];

/** Following an item, area or category; one-click unsubscribe; Atom feeds. */
export const subscriptionRoutes =
  (subs: ReturnType<typeof subscriptionService>, db: Db, publicUrl: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/residents/subscriptions', { schema: { tags, response: errors(401) } }, async (req) => ({
      items: await subs.list(req.actor),
    }));
    app.post(
      '/api/v1/residents/subscriptions',
      {
        schema: {
          tags,
          body: Type.Object(
            {
              problemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
              areaId: Type.Optional(Type.Integer({ minimum: 1 })),
              categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
              mode: Type.Union([Type.Literal('immediate'), Type.Literal('daily')]),
            },
            { additionalProperties: false },
          ),
          response: errors(400, 401, 404),
        },
      },
      async (req, reply) => reply.status(201).send(await subs.subscribe(req.actor, req.body)),
    );
    app.delete(
      '/api/v1/residents/subscriptions/:id',
      { schema: { tags, params: IdParams, response: errors(401) } },
      async (req, reply) => {
        await subs.remove(req.actor, req.params.id);
        return reply.status(204).send();
      },
    );
    // The link in every message: one click, no sign-in.
    app.get(
      '/api/v1/residents/unsubscribe',
      { schema: { tags, querystring: Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }) } },
      async (req, reply) => {
        await subs.unsubscribe(req.query.token);
        return reply
          .type('text/html; charset=utf-8')
          .send('<!doctype html><meta charset="utf-8"><p>已退订 / You have been unsubscribed.</p>');
      },
    );
    app.get(
      '/api/v1/feeds/items.atom',
      {
        schema: {
          tags,
          querystring: Type.Object({
            areaId: Type.Optional(Type.Integer({ minimum: 1 })),
            categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
            kind: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('rectified')])),
          }),
        },
      },
      async (req, reply) =>
        reply.type('application/atom+xml; charset=utf-8').send(await itemsFeed(db, publicUrl, req.query)),
    );
  };
