import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { DemoContext } from '../feature.js';
import { ODOUR_CAMPAIGN_NAME } from '../campaigns/demo/demo-data.js';
import type { PromoteService } from './promote.service.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { chooser, mulberry32 } from '../demo/demo-random.js';
import './hotspot-tables.js';

const DAY = 86_400_000;

/**
 * Residents' "me too" (我也遇到) on the demo city's recent public items, so the hot topics rank by
 * support on a first visit. The generated reports repeat their kinds of problems per district
 * (src/demo/demo-generated.ts), so the clusters themselves come from the items; this adds the
 * support. Seeded, dated after each item and before now.
 */
export async function seedHotspotsDemo(db: Db, demo: DemoContext): Promise<number> {
  const c = chooser(mulberry32(1207));
  const now = demo.realNow.getTime();
  const items = await db
    .selectFrom('problems')
    .select(['id', 'created_at'])
    .where('is_public', '=', 1)
    .where('status', 'in', PUBLIC_STATES)
    .where('created_at', '>=', new Date(now - 60 * DAY).toISOString())
    .orderBy('id')
    .execute();
  let n = 0;
  for (const item of items) {
    if (!c.chance(0.6)) continue;
    const count = c.chance(0.1) ? 8 + Math.floor(c.rnd() * 20) : 1 + Math.floor(c.rnd() * 4);
    const from = Date.parse(item.created_at);
    const rows = Array.from({ length: count }, (_, i) => ({
      problem_id: item.id,
      supporter_hash: crypto.createHash('sha256').update(`demo-metoo-${item.id}-${i}`).digest('hex'),
      client_hash: null,
      created_at: new Date(Math.floor(from + c.rnd() * Math.max(0, now - from))).toISOString(),
    }));
    await db.insertInto('hot_metoo').values(rows).execute();
    n += count;
  }
  return n;
}

/**
 * The development zone's factory-odour reports made while the east-district odour campaign ran,
 * attached to it as a supervisor would, so the campaign's page lists its items on a first visit.
 */
export async function attachDemoCampaignItems(db: Db, promote: PromoteService, demo: DemoContext): Promise<number> {
  const campaign = await db
    .selectFrom('cmp_campaigns')
    .select(['id', 'start_date', 'deadline'])
    .where('name', '=', ODOUR_CAMPAIGN_NAME)
    .executeTakeFirst();
  if (!campaign) return 0;
  const rows = await db
    .selectFrom('problems as p')
    .innerJoin('areas as a', 'a.id', 'p.area_id')
    .select('p.code')
    .where('a.code', 'like', 'jz-kfq%')
    .where((eb) => eb.or(['%异味%', '%废气%', '%臭%'].map((w) => eb('p.title', 'like', w))))
    .where('p.created_at', '>=', campaign.start_date)
    .where('p.created_at', '<', `${campaign.deadline}T23:59:59.999Z`)
    .where('p.merged_into_id', 'is', null)
    .orderBy('p.id')
    .limit(8)
    .execute();
  if (!rows.length) return 0;
  const out = await promote.attach(
    demo.actors.ducha,
    campaign.id,
    rows.map((r) => r.code),
  );
  return out.attached.length;
}
