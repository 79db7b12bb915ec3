import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { OVERSIGHT } from '../supervision/supervision-access.js';
import { errors } from '../http/common-schemas.js';
import { localDate } from '../shared/time.js';
import { previousMonth } from './month-window.js';
import type { SettlementService } from './settlement.service.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';

const tags = ['assessment'];
const month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const rate = Type.Union([Type.Number(), Type.Null()]);
const Row = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Optional(Type.String()),
  rank: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  received: Type.Integer(),
  signedWithinLimit: Type.Integer(),
  rectified: Type.Integer(),
  closed: Type.Integer(),
  overdue: Type.Integer(),
  returned: Type.Integer(),
  redone: Type.Integer(),
  verifications: Type.Integer(),
  rated: Type.Integer(),
  meanWorkingDaysToClose: rate,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  onTimeRate: rate,
  returnRate: rate,
  redoRate: rate,
  composite: Type.Union([Type.Number({ description: '0..100 points' }), Type.Null()]),
  overdueCount: Type.Integer(),
});
const Brief = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  rank: Type.Union([Type.Integer(), Type.Null()]),
  composite: rate,
});
const Weights = Type.Object({ response: Type.Number(), resolution: Type.Number(), satisfaction: Type.Number() });
const Card = Type.Object({
  month: Type.String(),
  computedAt: Type.String(),
  settled: Type.Boolean(),
  settledAt: Type.Union([Type.String(), Type.Null()]),
  settledBy: Type.Union([Type.String(), Type.Null()]),
  weights: Weights,
  satisfactionFactors: Type.Record(Type.String(), Type.Number()),
  departments: Type.Array(Row),
  areas: Type.Array(Row),
  sections: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: "other features' parts of the month, e.g. hall" }),
  ),
});
const Rankings = Type.Object({
  month: Type.String(),
  settled: Type.Boolean(),
  settledAt: Type.Union([Type.String(), Type.Null()]),
  weights: Weights,
  departments: Type.Array(Row),
  areas: Type.Array(Row),
  redList: Type.Array(Brief),
  blackList: Type.Array(Brief),
  areaLists: Type.Object({ redList: Type.Array(Brief), blackList: Type.Array(Brief) }),
});

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
          response: { 200: Rankings, ...errors(400) },
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
          response: { 200: Card, ...errors(400, 401, 403) },
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
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  month: Type.String(),
                  settledAt: Type.String(),
                  settledBy: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
            ...errors(401, 403),
          },
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
          response: { 201: Card, ...errors(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.settle(req.actor, req.body.month)),
    );
  };
