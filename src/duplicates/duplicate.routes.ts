import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isStaff } from '../auth/actor.js';
import { clientKey } from '../http/auth-hook.js';
import { CodeParams, errors } from '../http/common-schemas.js';
import type { Kernel } from '../kernel.js';
import type { DuplicatesState } from './duplicates.feature.js';

const tags = ['duplicates'];
const Ref = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);
export const SuggestionSchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  category: Ref,
  area: Ref,
  reportCount: Type.Integer(),
  createdAt: Type.String(),
  score: Type.Number({ description: '0..1: 0.6 × text similarity + 0.2 × category + 0.2 × place' }),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), value: Type.Optional(Type.Number()) }),
  ),
  reason: Type.String(),
});
const Suggestions = Type.Object({ items: Type.Array(SuggestionSchema) });
const DraftBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    categoryId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    areaId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const duplicateRoutes =
  (dups: DuplicatesState, k: Kernel): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/v1/duplicates/check',
      {
        schema: {
          tags,
          summary: 'Likely duplicates of a report being entered (public: among public items only)',
          body: DraftBody,
          response: { 200: Suggestions, ...errors(400, 429) },
        },
      },
      async (req) => {
        if (!isStaff(req.actor))
          await k.rateLimiter.hit('duplicates', clientKey(req), k.config.publicSubmitPerMinute * 4);
        return { items: await dups.suggest(req.body, { publicOnly: !isStaff(req.actor) }) };
      },
    );

    app.get(
      '/api/v1/problems/:code/duplicates',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Likely duplicates of an item (staff)',
          params: CodeParams,
          response: { 200: Suggestions, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        return { items: await dups.forCode(req.actor, req.params.code) };
      },
    );

    app.get(
      '/api/v1/duplicates/inbox',
      {
        config: { access: ['admin', 'acceptance', 'supervisor'] },
        schema: {
          tags,
          summary: 'Untriaged items with likely duplicates, for the acceptance inbox',
          querystring: Type.Object(
            { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  code: Type.String(),
                  title: Type.String(),
                  createdAt: Type.String(),
                  suggestions: Type.Array(SuggestionSchema),
                }),
              ),
            }),
            ...errors(401, 403),
          },
        },
      },
      async (req) => {
        return { items: await dups.inbox(req.query.limit ?? 20) };
      },
    );
  };
