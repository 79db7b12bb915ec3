import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import { limitUrgency } from './calendar-store.js';
import { IntakeClock } from './supervision.schema.js';
import { dispatchDeadline } from './time-limits.js';
import type { SupervisionRuntime } from './runtime.js';

const tags = ['supervision'];

/**
 * The acceptance inbox's clock: when each new report must be dispatched (emergencies 1 h,
 * utilities 2 h, the rest 24 h, on the working-hour clock) and which are past it. Computed here,
 * not in SQL, because the limit follows the working calendar; the inbox holds hundreds at most.
 */
export async function intakeClock(rt: SupervisionRuntime, codes?: string[]) {
  const rows = await rt.db
    .selectFrom('problems')
    .select(['code', 'created_at', 'urgency'])
    .where('status', 'in', ['submitted', 'accepted'])
    .execute();
  const now = rt.now().toISOString();
  const cal = rt.store.calendar();
  const limits = rt.store.limits();
  const all = rows.map((r) => {
    const dispatchBy = dispatchDeadline(cal, r.created_at, limitUrgency(r.urgency), limits);
    return { code: r.code, dispatchBy, overdue: dispatchBy < now };
  });
  const wanted = codes ? new Set(codes) : null;
  return {
    waiting: all.length,
    overdue: all.filter((x) => x.overdue).length,
    items: wanted ? all.filter((x) => wanted.has(x.code)) : all.filter((x) => x.overdue),
  };
}

export const intakeRoutes =
  (rt: SupervisionRuntime): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/supervision/intake-clock',
      {
        config: { access: ['admin', 'acceptance', 'supervisor'] },
        schema: {
          tags,
          summary:
            'When new reports must be dispatched and which are overdue: the given codes, or every overdue one; ' +
            'with the counts of reports waiting and overdue',
          querystring: Type.Object(
            { codes: Type.Optional(Type.String({ maxLength: 5000, description: 'comma-separated item codes' })) },
            { additionalProperties: false },
          ),
          response: { 200: IntakeClock, ...errors(401, 403) },
        },
      },
      async (req) => intakeClock(rt, req.query.codes?.split(',').filter(Boolean)),
    );
  };
