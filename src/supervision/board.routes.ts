import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { OVERSIGHT } from './supervision-access.js';
import { errors, IdParams } from '../http/common-schemas.js';
import { boardService } from './board.service.js';
import { calendarService } from './calendar.service.js';
import { planTemplatesIn } from './plan-templates.js';
import { preferredLang } from '../http/lang.js';
import { listActions, presentAction } from './supervision-actions.repository.js';
import { departmentScope } from './supervision-access.js';
import {
  ActionBody,
  ActionSchema,
  DepartmentRecord,
  LeaderItems,
  PlanTemplateSchema,
  TimeLimitsBody,
  TimeLimitsView,
  TodoPage,
  WarningPage,
} from './supervision.schema.js';
import { TODO_KINDS } from './todo.repository.js';
import type { SupervisionRuntime } from './runtime.js';

const tags = ['supervision'];
const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Level = Type.Union(['blue', 'yellow', 'red'].map((l) => Type.Literal(l)));

/** The supervision office's views and actions across items and units. */
export const boardRoutes =
  (rt: SupervisionRuntime): FastifyPluginAsyncTypebox =>
  async (app) => {
    const board = boardService(rt);
    const calendar = calendarService(rt);

    app.get(
      '/api/v1/supervision/warnings',
      {
        schema: {
          tags,
          summary:
            'Items carrying a warning, most urgent first, a page at a time with true totals ' +
            '(department staff see their units only)',
          querystring: Type.Object(
            {
              level: Type.Optional(Level),
              departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
              areaId: Type.Optional(Type.Integer({ minimum: 1 })),
              q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the title, or the code' })),
              missing: Type.Optional(Type.Boolean({ description: 'only items whose weekly report is missing' })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: WarningPage, ...errors(401, 403) },
        },
      },
      async (req) => board.warnings(req.actor, req.query),
    );

    app.get(
      '/api/v1/supervision/todo',
      {
        schema: {
          tags,
          summary:
            "A unit's to-do, nearest deadline first: sign for, make a plan, weekly report due, rectify; " +
            'with the count of each (department staff see their units only)',
          querystring: Type.Object(
            {
              kind: Type.Optional(Type.Union(TODO_KINDS.map((k) => Type.Literal(k)))),
              departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
              q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the title, or the code' })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: TodoPage, ...errors(401, 403) },
        },
      },
      async (req) => board.todo(req.actor, req.query),
    );

    app.get(
      '/api/v1/supervision/leader/items',
      {
        config: { access: ['leader', ...OVERSIGHT] },
        schema: {
          tags,
          summary: 'Items a leader owns (领办) and their warnings; leaders see their own',
          querystring: Type.Object(
            { leaderId: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
          response: { 200: LeaderItems, ...errors(400, 401, 403) },
        },
      },
      async (req) => board.leaderItems(req.actor, req.query.leaderId),
    );

    app.get(
      '/api/v1/supervision/departments/:id/record',
      {
        schema: {
          tags,
          summary: "A unit's supervision record: actions, missed weekly reports, warnings, extensions",
          params: IdParams,
          querystring: Type.Object(
            { from: Type.Optional(date), to: Type.Optional(date) },
            { additionalProperties: false },
          ),
          response: { 200: DepartmentRecord, ...errors(401, 403, 404) },
        },
      },
      async (req) =>
        board.departmentRecord(req.actor, req.params.id, req.query, preferredLang(req.headers['accept-language'])),
    );

    app.get(
      '/api/v1/supervision/actions',
      {
        schema: {
          tags,
          summary: 'Supervision actions (催办, 督办函, 约谈, 通报, 挂牌督办)',
          querystring: Type.Object(
            { from: Type.Optional(date), to: Type.Optional(date) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(ActionSchema) }), ...errors(401, 403) },
        },
      },
      async (req) => {
        const scope = departmentScope(req.actor);
        return {
          items: (
            await listActions(rt.db, {
              departmentIds: scope === 'all' ? undefined : scope,
              from: req.query.from,
              to: req.query.to,
            })
          ).map((a) => presentAction(a, preferredLang(req.headers['accept-language']))),
        };
      },
    );

    app.post(
      '/api/v1/supervision/actions',
      {
        config: { access: ['admin', 'supervisor', 'leader'] },
        schema: {
          tags,
          summary: 'Record a supervision action on an item or a unit (supervisor, leader, admin); the unit is notified',
          body: ActionBody,
          response: { 201: ActionSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await board.recordAction(req.actor, req.body)),
    );

    app.get(
      '/api/v1/supervision/plan-templates',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Standard plans that can be spread backwards from a deadline',
          response: {
            200: Type.Object({ items: Type.Array(PlanTemplateSchema) }),
            ...errors(401, 403),
          },
        },
      },
      async (req) => ({ items: planTemplatesIn(preferredLang(req.headers['accept-language'])) }),
    );

    app.get(
      '/api/v1/supervision/time-limits',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Time-limit tiers, per-urgency overrides, dispatch and sign-for hours',
          response: { 200: TimeLimitsView, ...errors(401, 403) },
        },
      },
      async () => calendar.timeLimits(),
    );

    app.put(
      '/api/v1/supervision/time-limits',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Change the time limits (admin); assignment defaults deadlines from them',
          body: TimeLimitsBody,
          response: { 200: TimeLimitsView, ...errors(400, 401, 403) },
        },
      },
      async (req) => calendar.putTimeLimits(req.actor, req.body as never),
    );

    app.get(
      '/api/v1/supervision/time-limits/deadline',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'The deadline assignment would default to',
          querystring: Type.Object(
            {
              tier: Type.String({ maxLength: 40 }),
              urgency: Type.Optional(Type.Union(['normal', 'urgent', 'emergency'].map((u) => Type.Literal(u)))),
              from: Type.Optional(date),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              from: Type.String(),
              tier: Type.String(),
              urgency: Type.String(),
              deadline: Type.String(),
            }),
            ...errors(400, 401, 403),
          },
        },
      },
      async (req) => {
        return calendar.deadlinePreview(req.query);
      },
    );
  };
