/**
 * Pure scoring of "is this report the same problem as that item?": similar text, the same or a
 * neighbouring category, the same area or a nearby spot. Text decides (two reports of one broken
 * street light share words); category and place confirm or, for place, rule out — the same
 * complaint two districts apart is two problems.
 */
import { bigrams, normalizeText, scanRuns } from '../search/tokenize.js';

/** Words every complaint uses; sharing them says nothing about being the same problem. */
const COMMON = new Set([
  '问题',
  '反映',
  '居民',
  '群众',
  '希望',
  '没有',
  '一个',
  '已经',
  '我们',
  '他们',
  '不能',
  '可以',
  '要求',
  '情况',
  '附近',
  '存在',
  '相关',
  '部门',
  '解决',
  '严重',
  '影响',
  '市民',
  '现在',
  '目前',
  '多次',
  '一直',
  '非常',
]);

/** Han bigrams and Latin/digit words of a text, minus the common ones. */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of scanRuns(normalizeText(text))) {
    if (run.kind === 'code') out.add(run.parts.join(''));
    else for (const b of bigrams(run.text)) if (!COMMON.has(b)) out.add(b);
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Shared share of the shorter text: a terse report inside a long one still counts. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

export interface TextFields {
  title: string;
  description?: string | null;
  address?: string | null;
}

const fullText = (t: TextFields) => shingles([t.title, t.description, t.address].filter(Boolean).join('\n'));

/** Similarity to one draft, its shingles taken once for all the candidates it is compared with. */
export function similarityTo(a: TextFields): (b: TextFields) => number {
  const fa = fullText(a);
  const ta = shingles(a.title);
  return (b) => {
    const fb = fullText(b);
    const titles = dice(ta, shingles(b.title));
    return Math.min(
      1,
      Math.max(0.4 * titles + 0.6 * dice(fa, fb), 0.8 * overlap(fa, fb) * Math.min(1, Math.min(fa.size, fb.size) / 6)),
    );
  };
}

export const textSimilarity = (a: TextFields, b: TextFields): number => similarityTo(a)(b);

export function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type CategoryRelation = 'same' | 'neighbouring' | 'unknown' | 'different';
export type PlaceRelation =
  | { kind: 'same_area' }
  | { kind: 'related_area' }
  | { kind: 'nearby'; meters: number }
  | { kind: 'unknown' }
  | { kind: 'different' };

export interface Reason {
  code: 'similar_text' | 'same_category' | 'neighbouring_category' | 'same_area' | 'related_area' | 'nearby';
  message: string;
  value?: number;
}

export interface Scored {
  score: number;
  reasons: Reason[];
}

export interface ScoreOptions {
  /** Below this text similarity nothing is suggested, whatever else matches. */
  minText: number;
  minScore: number;
  distanceMeters: number;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = { minText: 0.3, minScore: 0.55, distanceMeters: 300 };

const CATEGORY_WEIGHT: Record<CategoryRelation, number> = { same: 1, neighbouring: 0.6, unknown: 0.4, different: 0 };

/** Weighted 0.6 text, 0.2 category, 0.2 place; null when it is not worth suggesting. */
export function scoreDuplicate(
  text: number,
  category: CategoryRelation,
  place: PlaceRelation,
  o: ScoreOptions = DEFAULT_SCORE_OPTIONS,
): Scored | null {
  if (text < o.minText || place.kind === 'different') return null;
  const placeWeight =
    place.kind === 'same_area'
      ? 1
      : place.kind === 'nearby'
        ? 1 - 0.5 * Math.min(1, place.meters / o.distanceMeters)
        : place.kind === 'related_area'
          ? 0.6
          : 0.4;
  const score = Math.round((0.6 * text + 0.2 * CATEGORY_WEIGHT[category] + 0.2 * placeWeight) * 1000) / 1000;
  if (score < o.minScore) return null;
  const reasons: Reason[] = [
    {
      code: 'similar_text',
      message: `文本相似度 ${Math.round(text * 100)}% / similar text`,
      value: Math.round(text * 1000) / 1000,
    },
  ];
  if (category === 'same') reasons.push({ code: 'same_category', message: '同一类别 / same category' });
  if (category === 'neighbouring')
    reasons.push({ code: 'neighbouring_category', message: '相近类别 / neighbouring category' });
  if (place.kind === 'same_area') reasons.push({ code: 'same_area', message: '同一区域 / same area' });
  if (place.kind === 'related_area')
    reasons.push({ code: 'related_area', message: '所属区域相关 / area contains the other' });
  if (place.kind === 'nearby')
    reasons.push({
      code: 'nearby',
      message: `相距约 ${Math.round(place.meters)} 米 / ${Math.round(place.meters)} m apart`,
      value: Math.round(place.meters),
    });
  return { score, reasons };
}
