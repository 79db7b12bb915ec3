/**
 * Hot spots on demand: the items of the window and the one before it (at most `maxItems`, newest
 * first, so a huge list stays bounded), clustered (cluster.ts) and ranked. Answers are kept for a
 * minute per scope and window, and dropped on every "me too", promotion or attachment here; other
 * writes show within the minute.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import type { Clock } from '../shared/time.js';
import { trees } from '../duplicates/duplicate.repository.js';
import { clusterItems, rank, type Cluster, type HotItem, type HotSort } from './cluster.js';
import './hotspot-tables.js';

export const HOT_RULES = {
  maxItems: 5000,
  threshold: 0.5,
  floor: 0.4,
  minReports: 3,
  cacheMs: 60_000,
  maxMembers: 20,
};

export interface HotQuery {
  days?: number;
  sort?: HotSort;
  limit?: number;
}

type Named = { id: number; name: string } | null;

export interface ClusterView {
  key: string;
  title: string;
  area: Named;
  category: Named;
  days: number;
  reports: number;
  previous: number;
  growth: number;
  support: number;
  score: number;
  firstAt: string;
  lastAt: string;
  memberCount: number;
  /** Every member's code, newest first (what a promotion or an attachment is given). */
  codes: string[];
  /** The newest members with their figures. */
  members: Array<{ code: string; title: string; status: string; createdAt: string; support: number }>;
  /** The systemic item a supervisor made of (some of) these items, if any. */
  promotedTo: string | null;
}

/** "Me too" counts per item. */
export async function supportOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('hot_metoo')
      .select(['problem_id', sql<number>`count(*)`.as('n')])
      .where('problem_id', 'in', ids.slice(i, i + 1000))
      .groupBy('problem_id')
      .execute();
    for (const r of rows) out.set(r.problem_id, Number(r.n));
  }
  return out;
}

export function hotspotService(db: Db, clock: Clock) {
  const cache = new Map<string, { at: number; clusters: Cluster[]; promoted: Map<number, string> }>();

  async function compute(publicOnly: boolean, days: number) {
    const now = clock().getTime();
    const since = new Date(now - days * 86_400_000).toISOString();
    const previousSince = new Date(now - 2 * days * 86_400_000).toISOString();
    let q = db
      .selectFrom('problems as p')
      .innerJoin('sources as s', 's.id', 'p.source_id')
      .select(['p.id', 'p.code', 'p.title', 'p.description', 'p.area_id', 'p.category_id', 'p.created_at'])
      .select(['p.report_count', 'p.status'])
      .where('p.created_at', '>=', previousSince)
      .where('p.merged_into_id', 'is', null)
      .where('p.status', '<>', 'rejected')
      .where('s.code', '<>', 'hotspot')
      // "Same area" needs an area; a campaign's plans and a programme's parts are children of their
      // own item, not residents' reports (but the children a promotion made still count).
      .where('p.area_id', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('p.parent_id', 'is', null),
          eb('p.id', 'in', eb.selectFrom('hot_links').select('hot_links.problem_id')),
        ]),
      );
    if (publicOnly) q = q.where('p.is_public', '=', 1).where('p.status', 'in', PUBLIC_STATES);
    const rows = await q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(HOT_RULES.maxItems).execute();
    const support = await supportOf(
      db,
      rows.map((r) => r.id),
    );
    const items: Array<HotItem & { status: string }> = rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      description: r.description,
      areaId: r.area_id,
      categoryId: r.category_id,
      createdAt: r.created_at,
      reports: r.report_count,
      support: support.get(r.id) ?? 0,
      status: r.status,
    }));
    const clusters = clusterItems(items, {
      since,
      previousSince,
      threshold: HOT_RULES.threshold,
      floor: HOT_RULES.floor,
      minReports: HOT_RULES.minReports,
    });
    const memberIds = clusters.flatMap((c) => c.members.map((m) => m.id));
    const promoted = new Map<number, string>();
    for (let i = 0; i < memberIds.length; i += 1000) {
      let lq = db
        .selectFrom('hot_links as l')
        .innerJoin('problems as p', 'p.id', 'l.systemic_id')
        .select(['l.problem_id', 'p.code'])
        .where('l.problem_id', 'in', memberIds.slice(i, i + 1000));
      if (publicOnly) lq = lq.where('p.is_public', '=', 1);
      const links = await lq.execute();
      for (const l of links) promoted.set(l.problem_id, l.code);
    }
    return { at: now, clusters, promoted };
  }

  return {
    invalidate: () => cache.clear(),

    async clusters(publicOnly: boolean, q: HotQuery): Promise<{ days: number; items: ClusterView[]; ms: number }> {
      const started = performance.now();
      const days = q.days ?? 30;
      const key = `${publicOnly}:${days}`;
      let hit = cache.get(key);
      if (!hit || clock().getTime() - hit.at > HOT_RULES.cacheMs || hit.at > clock().getTime()) {
        hit = await compute(publicOnly, days);
        cache.set(key, hit);
      }
      const { areas, categories } = await trees(db);
      const names = (list: Array<{ id: number; name: string }>, id: number | null): Named => {
        const n = id === null ? undefined : list.find((x) => x.id === id);
        return n ? { id: n.id, name: n.name } : null;
      };
      const promoted = hit.promoted;
      const items = rank(hit.clusters, q.sort ?? 'score')
        .slice(0, q.limit ?? 20)
        .map((c) => ({
          key: c.key,
          title: c.title,
          area: names(areas, c.areaId),
          category: names(categories, c.categoryId),
          days,
          reports: c.reports,
          previous: c.previous,
          growth: c.growth,
          support: c.support,
          score: Math.round(c.score * 100) / 100,
          firstAt: c.firstAt,
          lastAt: c.lastAt,
          memberCount: c.members.length,
          codes: c.members.map((m) => m.code).reverse(),
          members: [...c.members]
            .reverse()
            .slice(0, HOT_RULES.maxMembers)
            .map((m) => ({
              code: m.code,
              title: m.title,
              status: (m as HotItem & { status: string }).status,
              createdAt: m.createdAt,
              support: m.support,
            })),
          promotedTo: c.members.map((m) => promoted.get(m.id)).find((x) => x !== undefined) ?? null,
        }));
      return { days, items, ms: Math.round(performance.now() - started) };
    },
  };
}

export type HotspotService = ReturnType<typeof hotspotService>;
