import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { clientKey, trackingToken } from '../http/auth-hook.js';
import { preferredLang } from '../http/lang.js';
import { CodeParams, errors } from '../http/common-schemas.js';
import { ACTIONS } from '../lifecycle/lifecycle.js';
import { isStaff } from '../auth/actor.js';
import type { Kernel } from '../kernel.js';
import type { ProblemsState } from './problems.feature.js';
import { idempotentSubmit } from './idempotent-submit.js';
import {
  ACTION_BODIES,
  CreateProblemBody,
  Created,
  ListQuery,
  ProblemList,
  ProblemWithActions,
  TimelineSchema,
} from './problem.schema.js';

const tags = ['problems'];
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });

export const problemRoutes =
  ({ problems, actions, timeline }: ProblemsState, k: Kernel): FastifyPluginAsyncTypebox =>
  async (app) => {
    const submit = idempotentSubmit(k.db, problems, k.clock);

    app.post(
      '/api/v1/problems',
      {
        schema: {
          tags,
          summary: 'Report a problem (public). Send an Idempotency-Key header to make retries safe.',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
          body: CreateProblemBody,
          response: { 201: Created, ...errors(400, 409, 413, 415, 429) },
        },
      },
      async (req, reply) => {
        if (!isStaff(req.actor)) await k.rateLimiter.hit('submit', clientKey(req), k.config.publicSubmitPerMinute);
        const key = req.headers['idempotency-key'];
        const { reply: body, replayed } = await submit(req.actor, req.body, key ? `${clientKey(req)}:${key}` : null);
        if (replayed) reply.header('Idempotent-Replayed', 'true');
        return reply.status(201).send(body);
      },
    );

    app.get(
      '/api/v1/problems',
      { schema: { tags, querystring: ListQuery, response: { 200: ProblemList, ...errors(400) } } },
      async (req) => problems.list(req.actor, req.query),
    );

    app.get(
      '/api/v1/problems/:code',
      {
        schema: {
          tags,
          params: CodeParams,
          querystring: TokenQuery,
          response: { 200: ProblemWithActions, ...errors(404) },
        },
      },
      async (req) => problems.get(req.actor, req.params.code, trackingToken(req)),
    );

    app.get(
      '/api/v1/problems/:code/timeline',
      {
        schema: {
          tags,
          params: CodeParams,
          querystring: TokenQuery,
          response: { 200: TimelineSchema, ...errors(404) },
        },
      },
      async (req) =>
        timeline(req.actor, req.params.code, trackingToken(req), preferredLang(req.headers['accept-language'])),
    );

    for (const action of ACTIONS) {
      app.post(
        `/api/v1/problems/:code/actions/${action}`,
        {
          // Actions without fields may be sent with no body at all.
          preValidation: async (req) => {
            if (req.body === undefined || req.body === null) req.body = {};
          },
          schema: {
            tags,
            summary: `Lifecycle action "${action}"; 409 lists the actions allowed now`,
            params: CodeParams,
            querystring: TokenQuery,
            body: ACTION_BODIES[action],
            response: { 200: ProblemWithActions, ...errors(400, 401, 403, 404, 409) },
          },
        },
        async (req) =>
          actions.act(
            req.actor,
            req.params.code,
            action,
            (req.body ?? {}) as Record<string, unknown>,
            trackingToken(req),
          ),
      );
    }
  };
