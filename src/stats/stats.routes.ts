import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import { ListQuery } from '../problems/problem.schema.js';
import type { Actor } from '../auth/actor.js';
import type { StatsState } from './stats.feature.js';
import { visibilityFor } from '../problems/problem-access.js';
import { SummarySchema } from './stats.schema.js';

const tags = ['stats'];
const StatsQuery = Type.Omit(ListQuery, ['sort', 'limit', 'cursor'], { additionalProperties: false });
const TrendQuery = Type.Composite(
  [StatsQuery, Type.Object({ interval: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month')])) })],
  { additionalProperties: false },
);
/** Public headline figures; anonymous callers count public items only, like the list. */
export const statsRoutes =
  (
    { stats, cache, today }: StatsState,
    monthlyReport: (actor: Actor, month: string) => Promise<unknown>,
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/stats/summary',
      {
        schema: {
          tags,
          summary: "Headline figures and breakdowns, with the list's filters",
          querystring: StatsQuery,
          response: { 200: SummarySchema, ...errors(400) },
        },
      },
      async (req) => {
        // Same visibility and filter, same figures: department staff share by their scope.
        const key = JSON.stringify([visibilityFor(req.actor), req.query, today()]);
        return cache.get(key, () => stats.summary(req.actor, req.query));
      },
    );

    app.get(
      '/api/v1/stats/trend',
      {
        schema: {
          tags,
          summary: 'Found, rectified and closed per week or month',
          querystring: TrendQuery,
          response: {
            200: Type.Object({
              interval: Type.String(),
              series: Type.Array(
                Type.Object({
                  period: Type.String(),
                  found: Type.Integer(),
                  rectified: Type.Integer(),
                  closed: Type.Integer(),
                }),
              ),
            }),
            ...errors(400),
          },
        },
      },
      async (req) => stats.trend(req.actor, req.query as never),
    );

    app.get(
      '/api/v1/stats/monthly-report',
      {
        schema: {
          tags,
          summary:
            "The figures of the monthly report (月报): the month's flows, the standing figures and the ranking lists",
          querystring: Type.Object(
            { month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400) },
        },
      },
      async (req) => monthlyReport(req.actor, req.query.month),
    );
  };
