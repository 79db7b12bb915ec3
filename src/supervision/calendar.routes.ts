import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import { calendarService } from './calendar.service.js';
import type { SupervisionRuntime } from './runtime.js';
import { CalendarYearSchema } from './supervision.schema.js';

const tags = ['calendar'];
const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Day = Type.Object({ date, name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
/** The working-day calendar: public to read (deadlines are public), administrators edit a year. */
export const calendarRoutes =
  (rt: SupervisionRuntime): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cal = calendarService(rt);

    app.get(
      '/api/v1/calendar',
      {
        schema: {
          tags,
          summary: 'Years with calendar data and where each comes from',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  year: Type.Integer(),
                  source: Type.String(),
                  note: Type.Union([Type.String(), Type.Null()]),
                  updatedAt: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: cal.years() }),
    );

    app.get(
      '/api/v1/calendar/working-days',
      {
        schema: {
          tags,
          summary: 'Working-day arithmetic: the n-th working day after `from`, or working days in (from, to]',
          querystring: Type.Object(
            { from: date, days: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })), to: Type.Optional(date) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              from: Type.String(),
              date: Type.Optional(Type.String()),
              workingDays: Type.Optional(Type.Integer()),
              isWorkingDay: Type.Boolean(),
              dayName: Type.Union([Type.String(), Type.Null()]),
              calendarKnown: Type.Boolean(),
            }),
            ...errors(400),
          },
        },
      },
      async (req) => cal.workingDays(req.query),
    );

    app.get(
      '/api/v1/calendar/:year',
      {
        schema: {
          tags,
          summary: "A year's public holidays and adjusted workdays (调休)",
          params: YearParams,
          response: { 200: CalendarYearSchema },
        },
      },
      async (req) => cal.year(req.params.year),
    );

    app.put(
      '/api/v1/calendar/:year',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "Enter or correct a year's calendar (admin); replaces the shipped data for that year",
          params: YearParams,
          body: Type.Object(
            {
              daysOff: Type.Array(Day, { maxItems: 200 }),
              adjustedWorkdays: Type.Array(Day, { maxItems: 100 }),
              source: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: CalendarYearSchema, ...errors(400, 401, 403) },
        },
      },
      async (req) => cal.putYear(req.actor, req.params.year, req.body),
    );

    app.delete(
      '/api/v1/calendar/:year',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Drop an edited year, falling back to the shipped data (admin)',
          params: YearParams,
          response: { 200: CalendarYearSchema, ...errors(401, 403) },
        },
      },
      async (req) => cal.deleteYear(req.params.year),
    );
  };
