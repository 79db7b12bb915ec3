import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { OVERSIGHT } from '../supervision/supervision-access.js';
import { errors } from '../http/common-schemas.js';
import { localDate } from '../shared/time.js';
import { previousMonth } from './month-window.js';
import type { SettlementService } from './settlement.service.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import { MonthSchema as month, RankingsSchema, ScorecardSchema, SettlementList } from './assessment.schema.js';

const tags = ['assessment'];

/** Monthly settlement and rankings. Rankings are public (published 红黑榜); scorecards are internal. */
export const assessmentRoutes =
  (svc: SettlementService, rt: SupervisionRuntime): FastifyPluginAsyncTypebox =>
  async (app) => {
    const lastMonth = () => previousMonth(localDate(rt.now(), rt.timezone).slice(0, 7));

    app.get(
      '/api/v1/assessment/rankings',
      {
        schema: {
          tags,
          summary: 'Units and districts ranked by composite score, with the red (top 5) and black (bottom 5) lists',
          querystring: Type.Object({ month: Type.Optional(month) }, { additionalProperties: false }),
          response: { 200: RankingsSchema, ...errors(400) },
        },
      },
      async (req) => svc.rankings(req.query.month ?? lastMonth()),
    );

    app.get(
      '/api/v1/assessment/scorecard',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: "A month's scorecard per unit and area: the frozen snapshot if settled, else computed live (staff)",
          querystring: Type.Object({ month }, { additionalProperties: false }),
          response: { 200: ScorecardSchema, ...errors(400, 401, 403) },
        },
      },
      async (req) => {
        return svc.scorecard(req.query.month);
      },
    );

    app.get(
      '/api/v1/assessment/settlements',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Settled months',
          response: { 200: SettlementList, ...errors(401, 403) },
        },
      },
      async () => {
        return { items: await svc.settlements() };
      },
    );

    app.post(
      '/api/v1/assessment/settlements',
      {
        config: { access: OVERSIGHT },
        schema: {
          tags,
          summary: 'Settle (freeze) a finished month (supervisor, admin); 409 if already settled',
          body: Type.Object({ month }, { additionalProperties: false }),
          response: { 201: ScorecardSchema, ...errors(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.settle(req.actor, req.body.month)),
    );
  };
