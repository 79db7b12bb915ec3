/**
 * Grid clustering on the server: one pass over the points, one cell per (zoom-sized) square, so a
 * map of 100,000 items sends a few hundred clusters. A cell of one item keeps its code for a pin.
 */
export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  code: string | null;
}

/** Cell size in degrees: about 64 screen pixels of a Web-Mercator map at this zoom. */
export const cellDegrees = (zoom: number) => 360 / 2 ** Math.max(0, Math.min(20, zoom)) / 4;

export function clusterPoints(points: Array<{ code: string; lat: number; lng: number }>, zoom: number) {
  const size = cellDegrees(zoom);
  const cells = new Map<string, { lat: number; lng: number; count: number; code: string }>();
  for (const p of points) {
    const key = `${Math.floor(p.lat / size)}:${Math.floor(p.lng / size)}`;
    const c = cells.get(key);
    if (c) {
      c.lat += p.lat;
      c.lng += p.lng;
      c.count++;
    } else cells.set(key, { lat: p.lat, lng: p.lng, count: 1, code: p.code });
  }
  const clusters: Cluster[] = [...cells.values()].map((c) => ({
    lat: c.lat / c.count,
    lng: c.lng / c.count,
    count: c.count,
    code: c.count === 1 ? c.code : null,
  }));
  return { total: points.length, clusters };
}
