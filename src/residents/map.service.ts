import type { Db } from '../db/database.js';
import { AppError, notFound, say } from '../errors.js';
import { PUBLIC_STATES } from '../lifecycle/lifecycle.js';
import { subtreeIds } from '../reference/reference.repository.js';
import type { Clock } from '../shared/time.js';
import { contains, distanceMetres, parseGeometry, validLngLat, type Geometry } from './geo.js';
import { clusterCells } from './clusters.js';
import './resident-tables.js';

const OPEN_STATES = ['accepted', 'assigned', 'in_progress', 'long_term', 'rectified'];
const LEVEL_DEPTH: Record<string, number> = { city: 0, district: 1, township: 2, village: 3 };

export interface MapFilter {
  status?: string;
  categoryId?: number;
  areaId?: number;
  /** minLng,minLat,maxLng,maxLat */
  bbox?: [number, number, number, number];
}

export function checkPoint(lat: number, lng: number): void {
  if (!validLngLat(lng, lat))
    throw new AppError('validation_failed', say('坐标无效', 'invalid coordinates'), { field: 'lat' });
}

/** Every stored boundary, read in the caller's transaction when there is one. */
export async function loadBoundaries(dbx: Db) {
  const rows = await dbx
    .selectFrom('area_boundaries')
    .innerJoin('areas', 'areas.id', 'area_boundaries.area_id')
    .select(['areas.id', 'areas.code', 'areas.name', 'areas.name_en', 'areas.level', 'area_boundaries.geojson'])
    .orderBy('areas.id')
    .execute();
  return rows.map((r) => ({
    areaId: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    level: r.level,
    geometry: JSON.parse(r.geojson) as Geometry,
  }));
}

/** The deepest area whose boundary holds the point; a point outside every boundary is refused. */
export function locateIn(boundaries: Awaited<ReturnType<typeof loadBoundaries>>, lat: number, lng: number) {
  checkPoint(lat, lng);
  const hits = boundaries.filter((b) => contains(b.geometry, lng, lat));
  hits.sort((a, b) => (LEVEL_DEPTH[b.level] ?? 0) - (LEVEL_DEPTH[a.level] ?? 0));
  if (!hits.length)
    throw new AppError('validation_failed', say('该位置不在本市任何区域内', 'the point is outside every area'), {
      field: 'lat',
    });
  return { area: { id: hits[0].areaId, name: hits[0].name, nameEn: hits[0].nameEn } };
}

/** The public map: area boundaries, the area under a pin, open items nearby, clusters and heat. */
export function mapService(db: Db, clock: Clock) {
  const boundaries = () => loadBoundaries(db);

  async function setBoundary(areaId: number, input: unknown) {
    const geometry = parseGeometry(input);
    const area = await db.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst();
    if (!area) throw notFound('area', areaId);
    const row = { area_id: areaId, geojson: JSON.stringify(geometry), updated_at: clock().toISOString() };
    await db
      .insertInto('area_boundaries')
      .values(row)
      .onConflict((oc) => oc.column('area_id').doUpdateSet({ geojson: row.geojson, updated_at: row.updated_at }))
      .execute();
    return { areaId, geometry };
  }

  const locate = async (lat: number, lng: number) => locateIn(await boundaries(), lat, lng);

  /** Open public items within `radius` metres: "already reported nearby". */
  async function nearby(lat: number, lng: number, radius: number, categoryId?: number) {
    checkPoint(lat, lng);
    const dLat = radius / 111_000;
    const dLng = radius / (111_000 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    const rows = await db
      .selectFrom('problems')
      .select(['code', 'title', 'status', 'category_id', 'lat', 'lng'])
      .where('is_public', '=', 1)
      .where('status', 'in', OPEN_STATES)
      .$if(categoryId !== undefined, (q) => q.where('category_id', '=', categoryId!))
      .where('lat', '>=', lat - dLat)
      .where('lat', '<=', lat + dLat)
      .where('lng', '>=', lng - dLng)
      .where('lng', '<=', lng + dLng)
      .limit(500)
      .execute();
    return rows
      .map((r) => ({
        code: r.code,
        title: r.title,
        status: r.status,
        categoryId: r.category_id,
        lat: r.lat!,
        lng: r.lng!,
        metres: Math.round(distanceMetres(lat, lng, r.lat!, r.lng!)),
      }))
      .filter((r) => r.metres <= radius)
      .sort((a, b) => a.metres - b.metres)
      .slice(0, 20);
  }

  async function clusters(filter: MapFilter, zoom: number) {
    const areaIds = filter.areaId ? await subtreeIds(db, 'areas', filter.areaId) : null;
    const [minLng, minLat, maxLng, maxLat] = filter.bbox ?? [-180, -90, 180, 90];
    // An unknown status is a caller's mistake, not an empty list: `in ()` is invalid SQL on PostgreSQL.
    if (filter.status && !PUBLIC_STATES.includes(filter.status as never))
      throw new AppError(
        'validation_failed',
        say(`未知的公开状态：${filter.status}`, `unknown public status: ${filter.status}`),
        { field: 'status' },
      );
    const statuses = filter.status ? [filter.status] : PUBLIC_STATES;
    return clusterCells(
      db,
      { statuses, box: [minLng, minLat, maxLng, maxLat], categoryId: filter.categoryId, areaIds },
      zoom,
    );
  }

  return { boundaries, setBoundary, locate, nearby, clusters };
}
