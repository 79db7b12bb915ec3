import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import {
  CaseBrief,
  CaseNoParams,
  FreeServicePrices,
  PricesBody,
  RateBody,
  RatingListQuery,
  RatingView,
  VisitRateBody,
} from './application.schema.js';
import { CASE_READERS, WINDOW_ROLES } from './application-access.js';
import { DateString, id } from './matter.schema.js';
import { HallFigures, HallMonth, HallStats } from './hall-stats.schema.js';
import type { HallState } from './hall.feature.js';

const tags = ['hall'];
const OVERSIGHT = ['admin', 'supervisor', 'acceptance', 'leader', 'department'] as const;
const month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** Ratings (好差评), the hall's figures, the supervisors' board, the free services' prices. */
export const hallRoutes =
  (hall: HallState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/v1/applications/:no/ratings',
      {
        schema: {
          tags,
          summary:
            'Rate a finished case (5 非常满意 … 1 非常不满意): the applicant with the token, or at the window pad; once per ' +
            'case; a bad rating becomes an item',
          params: CaseNoParams,
          body: RateBody,
          response: {
            201: Type.Object({ id: Type.Integer(), problemCode: Type.Union([Type.String(), Type.Null()]) }),
            ...errors(400, 404, 409),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await hall.rateCase(req.actor, req.params.no, req.body)),
    );

    app.post(
      '/api/v1/applications/ratings',
      {
        config: { access: [...WINDOW_ROLES] },
        schema: {
          tags,
          summary: "Rate a window visit at the window's rating pad (no case)",
          body: VisitRateBody,
          response: {
            201: Type.Object({ id: Type.Integer(), problemCode: Type.Union([Type.String(), Type.Null()]) }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await hall.rateVisit(req.actor, req.body)),
    );

    app.get(
      '/api/v1/applications/ratings',
      {
        config: { access: [...CASE_READERS] },
        schema: {
          tags,
          summary: 'Ratings with the items bad ones became (department staff: their own)',
          querystring: RatingListQuery,
          response: {
            200: Type.Object({
              items: Type.Array(RatingView),
              total: Type.Integer(),
              nextOffset: Type.Union([Type.Integer(), Type.Null()]),
            }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (req) => hall.ratings(req.actor, req.query),
    );

    app.get(
      '/api/v1/applications/stats',
      {
        config: { access: [...CASE_READERS] },
        schema: {
          tags,
          summary:
            'Cases by matter, department, window and clerk; on-time rate, working days against promised, ' +
            'one-time-notice rate, ratings; each equal to the list with the same filter',
          querystring: Type.Object(
            {
              from: Type.Optional(DateString),
              to: Type.Optional(DateString),
              departmentId: Type.Optional(id),
            },
            { additionalProperties: false },
          ),
          response: { 200: HallStats, ...errors(400, 401, 403) },
        },
      },
      async (req) => hall.stats(req.actor, req.query),
    );

    app.get(
      '/api/v1/applications/hall',
      {
        schema: {
          tags,
          summary: "The hall's public figures for a year: matters, departments, cases, rates, ratings, cost saved",
          querystring: Type.Object(
            { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
            { additionalProperties: false },
          ),
          response: { 200: HallFigures, ...errors(400) },
        },
      },
      async (req) => hall.figures(req.query.year),
    );

    app.get(
      '/api/v1/applications/month',
      {
        config: { access: [...OVERSIGHT] },
        schema: {
          tags,
          summary: "The hall's part of a month's settlement per department (frozen once the month is settled)",
          querystring: Type.Object({ month }, { additionalProperties: false }),
          response: { 200: HallMonth, ...errors(400, 401, 403) },
        },
      },
      async (req) => hall.month(req.query.month),
    );

    app.get(
      '/api/v1/applications/board',
      {
        config: { access: [...OVERSIGHT] },
        schema: {
          tags,
          summary: 'Running cases by warning colour and the overdue ones, for the supervisors’ board',
          response: {
            200: Type.Object({
              counts: Type.Record(Type.String(), Type.Integer()),
              items: Type.Array(CaseBrief),
            }),
            ...errors(401, 403),
          },
        },
      },
      async (req) => hall.board(req.actor),
    );

    app.get(
      '/api/v1/applications/free-services',
      {
        schema: {
          tags,
          summary: "The front desk's free services and the unit values the cost saved is counted with",
          response: { 200: FreeServicePrices },
        },
      },
      async () => hall.prices(),
    );

    app.put(
      '/api/v1/applications/free-services',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Change unit values (admin); uses already recorded keep theirs',
          body: PricesBody,
          response: { 200: FreeServicePrices, ...errors(400, 401, 403) },
        },
      },
      async (req) => hall.setPrices(req.actor, req.body.prices),
    );
  };
