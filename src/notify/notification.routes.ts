import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import { AppError, say } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import { preferredLang } from '../http/lang.js';
import * as repo from './notification.repository.js';

const tags = ['notifications'];
const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  problemCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const Counts = Type.Object({ unread: Type.Integer(), byKind: Type.Record(Type.String(), Type.Integer()) });

/** The inbox belongs to a signed-in person; API keys are machines and have none. */
function userId(actor: Actor): number {
  if (actor.kind !== 'user' || actor.id === null)
    throw new AppError('unauthenticated', say('请登录后查看通知', 'sign in to read notifications'));
  return actor.id;
}

async function counts(db: Db, id: number) {
  const byKind = await repo.unreadCounts(db, id);
  return { unread: Object.values(byKind).reduce((s, n) => s + n, 0), byKind };
}

/** The in-app notification inbox per user, newest first, with unread counts. */
export const notificationRoutes =
  (db: Db, clock: Clock): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications (assignment, reminder, warning, return, verification, summons …), newest first',
          querystring: Type.Object(
            {
              unread: Type.Optional(Type.Boolean()),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
              before: Type.Optional(Type.Integer({ minimum: 1 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(Notification),
              unread: Type.Integer(),
              nextBefore: Type.Union([Type.Integer(), Type.Null()]),
            }),
            ...errors(401),
          },
        },
      },
      async (req) => {
        const id = userId(req.actor);
        const limit = req.query.limit ?? 20;
        const rows = await repo.listNotifications(db, id, {
          unreadOnly: req.query.unread === true,
          limit,
          beforeId: req.query.before,
        });
        // System-written notices carry their English; older rows and people's own words are as written.
        const en = preferredLang(req.headers['accept-language']) === 'en';
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: (en && r.title_en) || r.title,
            body: (en && r.body_en) || r.body,
            problemCode: r.problem_code,
            createdAt: r.created_at,
            readAt: r.read_at,
          })),
          unread: (await counts(db, id)).unread,
          nextBefore: rows.length === limit ? rows[rows.length - 1].id : null,
        };
      },
    );

    app.get(
      '/api/v1/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'Unread notifications, in all and by kind',
          response: { 200: Counts, ...errors(401) },
        },
      },
      async (req) => counts(db, userId(req.actor)),
    );

    app.post(
      '/api/v1/notifications/read',
      {
        schema: {
          tags,
          summary: 'Mark notifications read: the given ids, or all',
          body: Type.Object(
            {
              ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })),
              all: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ marked: Type.Integer(), unread: Type.Integer() }), ...errors(400, 401) },
        },
      },
      async (req) => {
        const id = userId(req.actor);
        if (!req.body.all && !req.body.ids)
          throw new AppError('validation_failed', say('请提供 ids 或 all: true', 'send ids or all: true'), {
            field: 'ids',
          });
        const marked = await repo.markRead(db, id, req.body.all ? 'all' : req.body.ids!, clock().toISOString());
        return { marked, unread: (await counts(db, id)).unread };
      },
    );
  };
