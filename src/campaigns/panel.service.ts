import type { Static } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import { isStaff, requireRole } from '../auth/actor.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import { appendCampaignEvent } from './campaign-audit.js';
import { PANEL_RECORDERS } from './campaign-access.js';
import type { CampaignRuntime } from './campaign-runtime.js';
import type { PanelInput } from './campaign-plan.schema.js';
import { PANEL_SCALE } from './vocabulary.js';

/** The panels that judged an item; contacts only for staff. */
export async function panelsOf(db: Db, problemId: number, withContact: boolean) {
  const panels = await db
    .selectFrom('cmp_panels as pa')
    .innerJoin('problems as p', 'p.id', 'pa.problem_id')
    .select(['pa.id', 'pa.result', 'pa.decided_on', 'pa.note', 'p.code'])
    .where('pa.problem_id', '=', problemId)
    .orderBy('pa.id')
    .execute();
  const members = panels.length
    ? await db
        .selectFrom('cmp_panel_members')
        .selectAll()
        .where(
          'panel_id',
          'in',
          panels.map((p) => p.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return panels.map((p) => {
    const own = members.filter((m) => m.panel_id === p.id);
    return {
      id: p.id,
      problemCode: p.code,
      result: p.result,
      decidedOn: p.decided_on,
      note: p.note,
      averageRating: own.length ? Math.round((own.reduce((s, m) => s + m.rating, 0) / own.length) * 10) / 10 : 0,
      members: own.map((m) => ({
        name: m.name,
        role: m.role,
        contact: withContact ? m.contact : null,
        rating: m.rating,
        comment: m.comment,
      })),
    };
  });
}

const RATING_RESULT: Record<number, string> = {
  5: 'satisfied',
  4: 'satisfied',
  3: 'basically_satisfied',
  2: 'unsatisfied',
  1: 'unsatisfied',
};

/**
 * Residents' acceptance panels (群众代表验收) judge a rectified item or campaign: accepted verifies
 * it (method residents_acceptance); failed sends it back like an unsatisfied verification, in the
 * same transaction as the panel.
 */
export function panelService(rt: CampaignRuntime) {
  return {
    /** The panels that judged an item, for its page: the public reads them where it reads the item. */
    async ofItem(actor: Actor, code: string) {
      const item = await rt.db
        .selectFrom('problems')
        .select(['id', 'status', 'is_public'])
        .where('code', '=', code)
        .executeTakeFirst();
      const open =
        item && (isStaff(actor) || (item.is_public === 1 && (PUBLIC_STATES as string[]).includes(item.status)));
      if (!item || !open) throw notFound('problem', code);
      return { items: await panelsOf(rt.db, item.id, isStaff(actor)) };
    },

    async record(actor: Actor, code: string, input: Static<typeof PanelInput>) {
      requireRole(actor, PANEL_RECORDERS);
      input.members.forEach((m, i) => {
        if (!(PANEL_SCALE as readonly number[]).includes(m.rating))
          throw new AppError(
            'validation_failed',
            say(`评分 ${m.rating} 超出 1–5 分的范围`, `rating ${m.rating} is outside the scale 1–5`),
            {
              field: `members/${i}/rating`,
            },
          );
      });
      return rt.db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('problems')
          .select(['id', 'status'])
          .where('code', '=', code)
          .executeTakeFirst();
        if (!item) throw notFound('problem', code);
        if (item.status !== 'rectified')
          throw new AppError(
            'invalid_transition',
            say(
              `评议组只评议已整改的事项（${code} 当前为 ${item.status}）`,
              `a panel judges a rectified item (${code} is ${item.status})`,
            ),
            {
              state: item.status,
            },
          );
        const avg = input.members.reduce((s, m) => s + m.rating, 0) / input.members.length;
        const rating = input.result === 'accepted' ? Math.max(3, Math.round(avg)) : Math.min(2, Math.round(avg));
        await rt.problems.actions.actWithin(trx, actor, code, 'verify', {
          result: RATING_RESULT[rating],
          rating,
          method: 'residents_acceptance',
          comment:
            `群众代表验收${input.result === 'accepted' ? '通过' : '未通过'}` +
            `（${input.members.length}人，平均${avg.toFixed(1)}分）${input.note ? `：${input.note}` : ''}`,
        });
        const now = rt.now().toISOString();
        const { id } = await trx
          .insertInto('cmp_panels')
          .values({
            problem_id: item.id,
            result: input.result,
            decided_on: input.decidedOn,
            note: input.note ?? null,
            created_by: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('cmp_panel_members')
          .values(
            input.members.map((m) => ({
              panel_id: id,
              name: m.name,
              role: m.role,
              contact: m.contact ?? null,
              rating: m.rating,
              comment: m.comment ?? null,
            })),
          )
          .execute();
        await appendCampaignEvent(trx, {
          entity: 'panel',
          entityId: id,
          action: input.result,
          actor,
          payload: {
            item: code,
            decidedOn: input.decidedOn,
            ratings: input.members.map((m) => ({ role: m.role, rating: m.rating })),
          },
          createdAt: now,
        });
        return { id, result: input.result };
      });
    },
  };
}
