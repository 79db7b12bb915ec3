import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { FullTextIndex } from '../search/full-text.js';
import { OPEN_STATES, PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { shingles } from './similarity.js';

/** What a duplicate check knows about the new report. */
export interface Draft {
  title: string;
  description?: string | null;
  address?: string | null;
  categoryId?: number | null;
  areaId?: number | null;
  lat?: number | null;
  lng?: number | null;
}

export interface Eligibility {
  /** Closed and verified items count while updated on or after this instant. */
  since: string;
  publicOnly: boolean;
  excludeIds: number[];
}

type EB = ExpressionBuilder<Database, 'problems'>;

/** Open items, and recently finished ones; never rejected or already-merged items. */
function eligible(eb: EB, e: Eligibility): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [
    eb.or([
      eb('problems.status', 'in', OPEN_STATES),
      eb.and([eb('problems.status', 'in', ['verified', 'closed']), eb('problems.updated_at', '>=', e.since)]),
    ]),
  ];
  if (e.publicOnly) parts.push(eb('problems.is_public', '=', 1), eb('problems.status', 'in', PUBLIC_STATES));
  if (e.excludeIds.length) parts.push(eb('problems.id', 'not in', e.excludeIds));
  return eb.and(parts);
}

/**
 * Terms of the draft for an any-of text query: every title term, then description terms taken
 * evenly from the whole text (a long letter's distinctive part is rarely its opening greeting).
 */
export function draftTerms(d: Draft, max = 32): string[] {
  const out = new Set(shingles(d.title));
  const body = [...shingles(d.description ?? '')].filter((t) => !out.has(t));
  const room = Math.max(0, max - out.size);
  const step = body.length > room ? body.length / room : 1;
  for (let i = 0; i < body.length && out.size < max; i += step) out.add(body[Math.floor(i)]);
  return [...out].slice(0, max);
}

/**
 * Items sharing words with the draft, the best-ranked by BM25 / cover density over every
 * eligible item (not the newest matches: a duplicate of an old item must still be found), plus
 * near-exact copies: items holding every one of the draft's leading terms, newest first.
 */
export async function textCandidates(
  db: Db,
  fullText: FullTextIndex,
  d: Draft,
  e: Eligibility,
  keep = 60,
): Promise<number[]> {
  const terms = draftTerms(d);
  if (!terms.length) return [];
  const where = (eb: ExpressionBuilder<any, any>) => eligible(eb as EB, e);
  const exact = terms.slice(0, 12);
  const [ranked, copies] = await Promise.all([
    fullText.matches(db, {
      fts: terms.map((t) => `"${t}"`).join(' OR '),
      tsquery: terms.map((t) => `'${t}'`).join(' | '),
      limit: keep,
      order: 'relevance',
      where,
    }),
    fullText.matches(db, {
      fts: exact.map((t) => `"${t}"`).join(' AND '),
      tsquery: exact.map((t) => `'${t}'`).join(' & '),
      limit: 10,
      where,
    }),
  ]);
  return [...new Set([...copies.map((h) => h.id), ...ranked.map((h) => h.id)])];
}

/** Items of the same area (subtree) and category family, newest first. */
export async function placeCandidates(
  db: Db,
  areaIds: number[],
  categoryIds: number[],
  e: Eligibility,
  keep = 60,
): Promise<number[]> {
  if (!areaIds.length) return [];
  let q = db
    .selectFrom('problems')
    .select('id')
    .where('area_id', 'in', areaIds)
    .where((eb) => eligible(eb, e));
  if (categoryIds.length) q = q.where('category_id', 'in', categoryIds);
  return (await q.orderBy('id', 'desc').limit(keep).execute()).map((r) => r.id);
}

/** Items with coordinates within a box around the point (the caller measures the real distance). */
export async function nearCandidates(
  db: Db,
  lat: number,
  lng: number,
  meters: number,
  e: Eligibility,
  keep = 60,
): Promise<number[]> {
  const dLat = meters / 111_320;
  const dLng = meters / (111_320 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const rows = await db
    .selectFrom('problems')
    .select('id')
    .where('lat', '>=', lat - dLat)
    .where('lat', '<=', lat + dLat)
    .where('lng', '>=', lng - dLng)
    .where('lng', '<=', lng + dLng)
    .where((eb) => eligible(eb, e))
    .orderBy('id', 'desc')
    .limit(keep)
    .execute();
  return rows.map((r) => r.id);
}

export async function loadCandidates(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('problems')
    .select([
      'id',
      'code',
      'title',
      'description',
      'address',
      'category_id',
      'area_id',
      'lat',
      'lng',
      'status',
      'report_count',
      'created_at',
    ])
    .where('id', 'in', ids)
    .execute();
}

export type CandidateRow = Awaited<ReturnType<typeof loadCandidates>>[number];

export async function trees(db: Db) {
  const [areas, categories] = await Promise.all([
    db.selectFrom('areas').select(['id', 'parent_id', 'name']).execute(),
    db.selectFrom('categories').select(['id', 'parent_id', 'name']).execute(),
  ]);
  return { areas, categories };
}
