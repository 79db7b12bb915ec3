import { wgs84ToGcj02 } from '../../../../src/residents/gcj02.js';

/** Web-Mercator world pixels at a zoom (256-pixel tiles), so XYZ tiles line up when configured. */
export function project(lng: number, lat: number, zoom: number, gcj: boolean): [number, number] {
  const [x, y] = gcj ? wgs84ToGcj02(lng, lat) : [lng, lat];
  const size = 256 * 2 ** zoom;
  const rad = (y * Math.PI) / 180;
  return [((x + 180) / 360) * size, ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * size];
}

/** The tiles covering a view box, as {z}/{x}/{y} with their pixel position. */
export function tilesFor(box: { x: number; y: number; w: number; h: number }, zoom: number) {
  const out: Array<{ x: number; y: number; key: string }> = [];
  const max = 2 ** zoom;
  for (let tx = Math.floor(box.x / 256); tx <= Math.floor((box.x + box.w) / 256); tx++)
    for (let ty = Math.floor(box.y / 256); ty <= Math.floor((box.y + box.h) / 256); ty++)
      if (tx >= 0 && ty >= 0 && tx < max && ty < max) out.push({ x: tx, y: ty, key: `${zoom}/${tx}/${ty}` });
  return out;
}

/** The WGS-84 position under a world pixel: the inverse of `project` (GCJ-02 undone to within a metre). */
export function unproject(x: number, y: number, zoom: number, gcj: boolean): [number, number] {
  const size = 256 * 2 ** zoom;
  const lng = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  if (!gcj) return [lng, lat];
  const [gx, gy] = wgs84ToGcj02(lng, lat);
  return [2 * lng - gx, 2 * lat - gy];
}
