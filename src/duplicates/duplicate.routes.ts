import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isStaff } from '../auth/actor.js';
import { clientKey } from '../http/auth-hook.js';
import { CodeParams, errors } from '../http/common-schemas.js';
import type { Kernel } from '../kernel.js';
import type { DuplicatesState } from './duplicates.feature.js';
import { DraftBody, DuplicateInbox, Suggestions } from './duplicate.schema.js';

const tags = ['duplicates'];
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
          response: { 200: DuplicateInbox, ...errors(401, 403) },
        },
      },
      async (req) => {
        return { items: await dups.inbox(req.query.limit ?? 20) };
      },
    );
  };
