import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Grid clustering in the database: one row per (zoom-sized) square of the map, so a map of
 * 100,000 items sends a few hundred clusters and the server never holds the items themselves.
 * A cell of one item keeps its code for a pin.
 */
export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  code: string | null;
}

/** Cell size in degrees: about 64 screen pixels of a Web-Mercator map at this zoom. */
export const cellDegrees = (zoom: number) => 360 / 2 ** Math.max(0, Math.min(20, zoom)) / 4;

export interface ClusterWhere {
  statuses: readonly string[];
  box: [minLng: number, minLat: number, maxLng: number, maxLat: number];
  categoryId?: number;
  areaIds: number[] | null;
}

export async function clusterCells(db: Db, where: ClusterWhere, zoom: number) {
  // The cell size is a number computed here, written into the SQL as a literal: the grouping
  // expression must be the same text in SELECT and GROUP BY, which two bound parameters are not
  // on PostgreSQL. round() rather than a cast, which truncates on SQLite and rounds on PostgreSQL.
  const size = sql.lit(cellDegrees(zoom));
  const gy = sql<number>`round((lat + 90) / ${size})`;
  const gx = sql<number>`round((lng + 180) / ${size})`;
  const [minLng, minLat, maxLng, maxLat] = where.box;
  const rows = await db
    .selectFrom('problems')
    .select([
      (e) => e.fn.countAll<number | string>().as('n'),
      (e) => e.fn.avg<number | string>('lat').as('lat'),
      (e) => e.fn.avg<number | string>('lng').as('lng'),
      (e) => e.fn.min('code').as('code'),
    ])
    .where('lat', 'is not', null)
    .where('lat', '>=', minLat)
    .where('lat', '<=', maxLat)
    .where('lng', '>=', minLng)
    .where('lng', '<=', maxLng)
    .where('is_public', '=', 1)
    .where('status', 'in', where.statuses)
    .$if(where.categoryId !== undefined, (q) => q.where('category_id', '=', where.categoryId!))
    .$if(where.areaIds !== null, (q) => q.where('area_id', 'in', where.areaIds!))
    .groupBy([gy, gx])
    .execute();
  const clusters: Cluster[] = rows.map((r) => ({
    lat: Number(r.lat),
    lng: Number(r.lng),
    count: Number(r.n),
    code: Number(r.n) === 1 ? r.code : null,
  }));
  return { total: clusters.reduce((n, c) => n + c.count, 0), clusters };
}
