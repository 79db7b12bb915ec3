/**
 * Duplicate suggestions for a new report or an item in the acceptance inbox: candidates from the
 * search index (shared words), the same place and category family, and nearby coordinates, each
 * scored with its reasons (similarity.ts).
 */
import type { Db } from '../db/database.js';
import type { FullTextIndex } from '../search/full-text.js';
import type { Clock } from '../shared/time.js';
import { subtreeFrom } from '../reference/reference.repository.js';
import * as repo from './duplicate.repository.js';
import {
  distanceMeters,
  scoreDuplicate,
  similarityTo,
  type CategoryRelation,
  type PlaceRelation,
  type Reason,
} from './similarity.js';
import type { DuplicateConfig } from './duplicate-config.js';

export interface Suggestion {
  code: string;
  title: string;
  status: string;
  category: { id: number; name: string } | null;
  area: { id: number; name: string } | null;
  reportCount: number;
  createdAt: string;
  score: number;
  reasons: Reason[];
  /** The reasons as one line, for a list row. */
  reason: string;
}

type Node = { id: number; parent_id: number | null; name: string };

function ancestors(nodes: Map<number, Node>, id: number): number[] {
  const out: number[] = [];
  for (let n = nodes.get(id); n?.parent_id != null && !out.includes(n.parent_id); n = nodes.get(n.parent_id))
    out.push(n.parent_id);
  return out;
}

function categoryRelation(nodes: Map<number, Node>, a: number | null | undefined, b: number | null): CategoryRelation {
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  const pa = nodes.get(a)?.parent_id ?? null;
  const pb = nodes.get(b)?.parent_id ?? null;
  return (pa !== null && pa === pb) || pa === b || pb === a ? 'neighbouring' : 'different';
}

function placeRelation(nodes: Map<number, Node>, d: repo.Draft, c: repo.CandidateRow, meters: number): PlaceRelation {
  if (d.lat != null && d.lng != null && c.lat != null && c.lng != null) {
    const m = distanceMeters(d.lat, d.lng, c.lat, c.lng);
    return m <= meters ? { kind: 'nearby', meters: m } : { kind: 'different' };
  }
  if (!d.areaId || !c.area_id) return { kind: 'unknown' };
  if (d.areaId === c.area_id) return { kind: 'same_area' };
  const related = ancestors(nodes, d.areaId).includes(c.area_id) || ancestors(nodes, c.area_id).includes(d.areaId);
  return related ? { kind: 'related_area' } : { kind: 'different' };
}

export function duplicateService(db: Db, fullText: FullTextIndex, clock: Clock, config: DuplicateConfig) {
  /** Suggestions for a draft, best first; `excludeIds` keeps an item from suggesting itself. */
  async function suggest(
    draft: repo.Draft,
    opts: { publicOnly: boolean; excludeIds?: number[]; limit?: number; dbx?: Db },
  ): Promise<Suggestion[]> {
    const dbx = opts.dbx ?? db;
    const since = new Date(clock().getTime() - config.recentDays * 86_400_000).toISOString();
    const e: repo.Eligibility = { since, publicOnly: opts.publicOnly, excludeIds: opts.excludeIds ?? [] };
    // The text query needs no tree: on PostgreSQL it runs while the trees load.
    const [byText, { areas, categories }] = await Promise.all([
      repo.textCandidates(dbx, fullText, draft, e),
      repo.trees(dbx),
    ]);
    const areaNodes = new Map(areas.map((a) => [a.id, a]));
    const catNodes = new Map(categories.map((c) => [c.id, c]));
    const areaIds = draft.areaId ? [...subtreeFrom(areas, draft.areaId), ...ancestors(areaNodes, draft.areaId)] : [];
    const catRoot = draft.categoryId ? (catNodes.get(draft.categoryId)?.parent_id ?? draft.categoryId) : null;
    const catIds = catRoot ? subtreeFrom(categories, catRoot) : [];
    const ids = new Set([
      ...byText,
      ...(await repo.placeCandidates(dbx, areaIds, catIds, e)),
      ...(draft.lat != null && draft.lng != null
        ? await repo.nearCandidates(dbx, draft.lat, draft.lng, config.distanceMeters, e)
        : []),
    ]);
    const out: Suggestion[] = [];
    const similarity = similarityTo(draft);
    for (const c of await repo.loadCandidates(dbx, [...ids])) {
      const text = similarity(c);
      const scored = scoreDuplicate(
        text,
        categoryRelation(catNodes, draft.categoryId, c.category_id),
        placeRelation(areaNodes, draft, c, config.distanceMeters),
        { minText: config.minText, minScore: config.minScore, distanceMeters: config.distanceMeters },
      );
      if (!scored) continue;
      const named = (m: Map<number, Node>, id: number | null) =>
        id && m.get(id) ? { id, name: m.get(id)!.name } : null;
      out.push({
        code: c.code,
        title: c.title,
        status: c.status,
        category: named(catNodes, c.category_id),
        area: named(areaNodes, c.area_id),
        reportCount: c.report_count,
        createdAt: c.created_at,
        score: scored.score,
        reasons: scored.reasons,
        reason: scored.reasons.map((r) => r.message.split(' / ')[0]).join('；'),
      });
    }
    return out.sort((a, b) => b.score - a.score || (a.createdAt < b.createdAt ? 1 : -1)).slice(0, opts.limit ?? 5);
  }

  /** Suggestions for a stored item: never itself, its master, or items already merged into it. */
  async function forItem(id: number, opts: { publicOnly: boolean; limit?: number }): Promise<Suggestion[]> {
    const row = await db
      .selectFrom('problems')
      .select(['id', 'title', 'description', 'address', 'category_id', 'area_id', 'lat', 'lng', 'merged_into_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const merged = await db.selectFrom('problems').select('id').where('merged_into_id', '=', id).execute();
    const excludeIds = [id, ...(row.merged_into_id ? [row.merged_into_id] : []), ...merged.map((m) => m.id)];
    return suggest(
      {
        title: row.title,
        description: row.description,
        address: row.address,
        categoryId: row.category_id,
        areaId: row.area_id,
        lat: row.lat,
        lng: row.lng,
      },
      { ...opts, excludeIds },
    );
  }

  /** The acceptance inbox: the newest untriaged items that have likely duplicates. */
  async function inbox(limit: number) {
    const rows = await db
      .selectFrom('problems')
      .select(['id', 'code', 'title', 'created_at'])
      .where('status', '=', 'submitted')
      .orderBy('id', 'desc')
      .limit(limit * 3)
      .execute();
    const items: Array<{ code: string; title: string; createdAt: string; suggestions: Suggestion[] }> = [];
    for (const r of rows) {
      if (items.length >= limit) break;
      const suggestions = await forItem(r.id, { publicOnly: false, limit: 3 });
      if (suggestions.length) items.push({ code: r.code, title: r.title, createdAt: r.created_at, suggestions });
    }
    return items;
  }

  return { suggest, forItem, inbox };
}

export type DuplicateService = ReturnType<typeof duplicateService>;
