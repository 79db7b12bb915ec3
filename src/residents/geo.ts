import { AppError, say } from '../errors.js';

/** GeoJSON geometry of an area boundary: rings of [lng, lat] in WGS-84. */
export type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

interface Where {
  zh: string;
  en: string;
}

// Both languages in full: the reason is the useful part, so it must survive the language choice.
const invalid = (zh: string, en: string) =>
  new AppError('validation_failed', say(`边界不是有效的 GeoJSON 多边形：${zh}`, `not a valid GeoJSON polygon: ${en}`), {
    field: 'geometry',
  });

/**
 * Accepts a Polygon, a MultiPolygon, or a Feature holding one; refuses anything else, naming the
 * ring and position at fault so whoever uploads a boundary can find it in their file.
 */
export function parseGeometry(input: unknown): Geometry {
  const g =
    (input as { type?: string; geometry?: unknown })?.type === 'Feature'
      ? (input as { geometry: unknown }).geometry
      : input;
  const { type, coordinates } = (g ?? {}) as { type?: string; coordinates?: unknown };
  const polygons = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : null;
  if (!Array.isArray(polygons) || !polygons.length)
    throw invalid(
      `类型必须是 Polygon 或 MultiPolygon（收到 ${JSON.stringify(type ?? null)}）`,
      `the type must be Polygon or MultiPolygon (got ${JSON.stringify(type ?? null)})`,
    );
  for (const [pi, poly] of polygons.entries()) {
    if (!Array.isArray(poly) || !poly.length)
      throw invalid(`第 ${pi + 1} 个多边形没有环`, `polygon ${pi + 1} has no rings`);
    const many = polygons.length > 1;
    const where = (ri: number): Where => ({
      zh: `${many ? `第 ${pi + 1} 个多边形的` : ''}第 ${ri + 1} 个环`,
      en: many ? `polygon ${pi + 1} ring ${ri + 1}` : `ring ${ri + 1}`,
    });
    for (const [ri, ring] of poly.entries()) checkRing(ring, where(ri));
  }
  return { type, coordinates } as Geometry;
}

function checkRing(ring: unknown, where: Where): void {
  if (!Array.isArray(ring) || ring.length < 4)
    throw invalid(`${where.zh}至少要有四个点`, `${where.en} needs at least four positions`);
  for (const [i, p] of ring.entries())
    if (!isPosition(p))
      throw invalid(
        `${where.zh}的第 ${i + 1} 个点不是 WGS-84 范围内的 [经度, 纬度]`,
        `${where.en}, position ${i + 1} is not [lng, lat] in WGS-84 range`,
      );
  const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
  if (first[0] !== last[0] || first[1] !== last[1])
    throw invalid(
      `${where.zh}未闭合：最后一个点必须与第一个点相同`,
      `${where.en} is not closed: its last position must repeat the first`,
    );
}

const isPosition = (p: unknown) =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && validLngLat(p[0], p[1] as number);

export const validLngLat = (lng: number, lat: number) =>
  Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

function inRing(lng: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole of one of the polygons. */
export function contains(g: Geometry, lng: number, lat: number): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.some(([outer, ...holes]) => inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)));
}

/** Metres between two WGS-84 points (haversine). */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/** The box around a geometry: [minLng, minLat, maxLng, maxLat]. */
export function bounds(g: Geometry): [number, number, number, number] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const b: [number, number, number, number] = [180, 90, -180, -90];
  for (const poly of polygons)
    for (const [lng, lat] of poly[0]) {
      b[0] = Math.min(b[0], lng);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lng);
      b[3] = Math.max(b[3], lat);
    }
  return b;
}
