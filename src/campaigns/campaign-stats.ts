import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { isStaff } from '../auth/actor.js';
import type { Db } from '../db/database.js';

const Row = Type.Object({
  key: Type.String(),
  visits: Type.Integer(),
  found: Type.Integer(),
  livelihood: Type.Integer(),
});
export const CampaignFigures = Type.Object({
  visits: Type.Integer(),
  found: Type.Integer(),
  livelihood: Type.Integer(),
  forums: Type.Integer(),
  forumPoints: Type.Integer(),
  campaigns: Type.Integer(),
  plans: Type.Integer(),
  byLeader: Type.Array(Row),
  byMonth: Type.Array(Row),
});

/**
 * The headline "N visits found M problems, K of them livelihood" and the forums' points, counted
 * the way the lists count (public readers: public visits and forums only), by leader and by month.
 */
export async function campaignFigures(db: Db, actor: Actor) {
  const pub = !isStaff(actor);
  let visits = db.selectFrom('cmp_visits as v').leftJoin('cmp_findings as f', 'f.visit_id', 'v.id');
  if (pub) visits = visits.where('v.is_public', '=', 1);
  const agg = [
    sql<number>`count(distinct v.id)`.as('visits'),
    sql<number>`count(f.id)`.as('found'),
    sql<number>`coalesce(sum(f.livelihood), 0)`.as('livelihood'),
  ] as const;
  const month = sql<string>`substr(v.visit_date, 1, 7)`;
  let forums = db.selectFrom('cmp_forums as fo').leftJoin('cmp_findings as f', 'f.forum_id', 'fo.id');
  if (pub) forums = forums.where('fo.is_public', '=', 1);
  let campaigns = db.selectFrom('cmp_campaigns as c').leftJoin('cmp_plans as pl', 'pl.campaign_id', 'c.id');
  if (pub) campaigns = campaigns.where('c.is_public', '=', 1);
  const [total, byLeader, byMonth, fo, ca] = await Promise.all([
    visits.select(agg).executeTakeFirstOrThrow(),
    visits
      .select([...agg, 'v.leader_name as key'])
      .groupBy('v.leader_name')
      .orderBy('v.leader_name')
      .execute(),
    visits
      .select([...agg, month.as('key')])
      .groupBy(month)
      .orderBy(month)
      .execute(),
    forums
      .select([sql<number>`count(distinct fo.id)`.as('forums'), sql<number>`count(f.id)`.as('points')])
      .executeTakeFirstOrThrow(),
    campaigns
      .select([sql<number>`count(distinct c.id)`.as('campaigns'), sql<number>`count(pl.id)`.as('plans')])
      .executeTakeFirstOrThrow(),
  ]);
  const row = (r: { key: string; visits: number; found: number; livelihood: number }) => ({
    key: r.key,
    visits: Number(r.visits),
    found: Number(r.found),
    livelihood: Number(r.livelihood),
  });
  return {
    visits: Number(total.visits),
    found: Number(total.found),
    livelihood: Number(total.livelihood),
    forums: Number(fo.forums),
    forumPoints: Number(fo.points),
    campaigns: Number(ca.campaigns),
    plans: Number(ca.plans),
    byLeader: byLeader.map(row),
    byMonth: byMonth.map(row),
  };
}
