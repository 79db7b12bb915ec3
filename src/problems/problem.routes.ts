import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../errors.js';
import { clientKey, trackingToken } from '../http/auth-hook.js';
import { CodeParams, errors } from '../http/common-schemas.js';
import { ACTIONS } from '../lifecycle/lifecycle.js';
import { isStaff } from '../auth/actor.js';
import type { Services } from '../services.js';
import { requestHash } from './problem.service.js';
import {
  ACTION_BODIES,
  CreateProblemBody,
  ListQuery,
  ProblemList,
  ProblemSchema,
  ProblemWithActions,
  TimelineSchema,
} from './problem.schema.js';
import { findIdempotent, saveIdempotent } from './problem.repository.js';
import { idempotencyRowKey, openReply, sealReply } from './idempotent-reply.js';
import { constraintViolation } from '../db/dialect.js';

const tags = ['problems'];
const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
const Created = Type.Object({ problem: ProblemSchema, trackingToken: Type.String() });

export const problemRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { problems, actions, db, config } = services;

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
        if (!isStaff(req.actor)) services.rateLimiter.hit('submit', clientKey(req), config.publicSubmitPerMinute);
        const idemKey = req.headers['idempotency-key'];
        const scoped = idemKey ? `${clientKey(req)}:${idemKey}` : null;
        const rowKey = scoped ? idempotencyRowKey(scoped) : null;
        const hash = requestHash(req.body);
        if (scoped && rowKey) {
          const prior = await findIdempotent(db, rowKey);
          if (prior) {
            if (prior.request_hash !== hash)
              throw new AppError('idempotency_conflict', 'this Idempotency-Key was used for a different request');
            return reply
              .status(prior.status_code as 201)
              .header('Idempotent-Replayed', 'true')
              .send(openReply(scoped, prior.response));
          }
        }
        const created = await problems
          .create(
            req.actor,
            req.body,
            scoped && rowKey
              ? async (trx, response) => {
                  await saveIdempotent(trx, {
                    key: rowKey,
                    request_hash: hash,
                    status_code: 201,
                    response: sealReply(scoped, response as { trackingToken: string }),
                    created_at: new Date().toISOString(),
                  });
                }
              : undefined,
          )
          .catch(async (err) => {
            // A concurrent retry with the same key won the race: answer with its stored result.
            if (scoped && rowKey && constraintViolation(err) === 'unique') {
              const prior = await findIdempotent(db, rowKey);
              if (prior && prior.request_hash === hash) return { replay: openReply(scoped, prior.response) };
            }
            throw err;
          });
        if ('replay' in created) return reply.status(201).header('Idempotent-Replayed', 'true').send(created.replay);
        return reply.status(201).send({ problem: created.problem, trackingToken: created.trackingToken });
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
      async (req) => services.timeline(req.actor, req.params.code, trackingToken(req)),
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
