import type { Db } from '../db/database.js';
import { subtreeIds } from '../reference/reference.repository.js';
import { bounds, contains, type Geometry } from './geo.js';
import type { mapService } from './map.service.js';

/**
 * INVENTED boundaries for the demo city's districts: plausible shapes around Jingzhou's real
 * position, not survey data. A real city uploads its own GeoJSON in the settings.
 */
const ring = (...pts: Array<[number, number]>): Geometry => ({ type: 'Polygon', coordinates: [[...pts, pts[0]]] });
export const DEMO_BOUNDARIES: Record<string, Geometry> = {
  'jz-sz': ring([111.55, 30.05], [111.95, 30.02], [111.98, 30.3], [111.9, 30.47], [111.62, 30.42]),
  'jz-jz': ring([111.98, 30.3], [112.2, 30.3], [112.22, 30.45], [112.15, 30.62], [111.95, 30.58], [111.9, 30.47]),
  'jz-ss': ring([112.2, 30.3], [112.42, 30.28], [112.45, 30.42], [112.3, 30.48], [112.22, 30.45]),
  'jz-kfq': ring([112.2, 30.15], [112.42, 30.14], [112.42, 30.28], [112.2, 30.3]),
  'jz-jl': ring([111.98, 30.02], [112.55, 29.9], [112.65, 30.1], [112.42, 30.14], [112.2, 30.15], [111.98, 30.3]),
};

/** A repeatable pseudo-random sequence, so the demo city looks the same on every seed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Stores the boundaries and gives every demo item without a position one inside its district. */
export async function seedDemoMap(db: Db, map: ReturnType<typeof mapService>, areaIds: Record<string, number>) {
  let placed = 0;
  for (const [code, geometry] of Object.entries(DEMO_BOUNDARIES)) {
    const areaId = areaIds[code];
    if (!areaId) continue;
    await map.setBoundary(areaId, geometry);
    const within = await subtreeIds(db, 'areas', areaId);
    // Items filed against the whole city are placed in the central district.
    if (code === 'jz-ss' && areaIds.jz) within.push(areaIds.jz);
    const rows = await db
      .selectFrom('problems')
      .select('id')
      .where('area_id', 'in', within)
      .where('lat', 'is', null)
      .execute();
    const [minLng, minLat, maxLng, maxLat] = bounds(geometry);
    await db.transaction().execute(async (trx) => {
      for (const { id } of rows) {
        const next = random(id * 7919);
        let lng = 0;
        let lat = 0;
        do {
          lng = minLng + next() * (maxLng - minLng);
          lat = minLat + next() * (maxLat - minLat);
        } while (!contains(geometry, lng, lat));
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        await trx
          .updateTable('problems')
          .set({ lat: round(lat), lng: round(lng) })
          .where('id', '=', id)
          .execute();
        placed++;
      }
    });
  }
  return placed;
}
