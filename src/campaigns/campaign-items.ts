/**
 * The items attached to a campaign after it was opened (from a hot spot's members or by code;
 * src/hotspots/promote.service.ts attaches and detaches them), as its page lists them: each reader
 * sees the campaign as the campaign list shows it (the public its public ones, a unit its own) and
 * of its items those the item list would show them (the public: public items in public states,
 * nothing about reporters). Oldest attachment first, paged with the total.
 */
import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { visibilityFor } from '../problems/problem-access.js';
import { filterExpr } from '../problems/problem-list.repository.js';
import { citywide } from './campaign-access.js';
import { loadCampaign } from './campaign.service.js';
import { presentBrief } from './subject.repository.js';
import '../hotspots/hotspot-tables.js';

/** Whether a reader sees a campaign at all, as `GET /api/v1/campaigns` decides it. */
export function mayReadCampaign(actor: Actor, c: { is_public: number; department_id: number }): boolean {
  if (!isStaff(actor)) return c.is_public === 1;
  return citywide(actor) || actor.departmentScope.includes(c.department_id);
}

export async function campaignItems(db: Db, actor: Actor, id: number, q: { limit?: number; offset?: number }) {
  const c = await loadCampaign(db, id);
  if (!mayReadCampaign(actor, c)) throw notFound('campaign', id);
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const visible = visibilityFor(actor);
  const base = () =>
    db
      .selectFrom('hot_campaign_items as a')
      .innerJoin('problems', 'problems.id', 'a.problem_id')
      .where('a.campaign_id', '=', c.id)
      .where((eb) => filterExpr(eb as unknown as ExpressionBuilder<Database, 'problems'>, {}, visible));
  const [rows, count] = await Promise.all([
    base()
      .leftJoin('departments as d', 'd.id', 'problems.lead_department_id')
      .select(['problems.id', 'problems.code', 'problems.title', 'problems.status', 'problems.progress_percent'])
      .select(['problems.deadline', 'problems.is_public', 'd.name as department_name', 'a.attached_at'])
      .orderBy('a.attached_at')
      .orderBy('problems.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    campaignId: c.id,
    items: rows.map((r) => {
      const { livelihood, subjectId, subjectName, ...brief } = presentBrief(r);
      return { ...brief, attachedAt: r.attached_at };
    }),
    total: Number(count.n),
    limit,
    offset,
  };
}
