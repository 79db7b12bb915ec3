/**
 * What an uploaded GeoJSON file holds: one geometry for the chosen area, or a FeatureCollection
 * whose features name their area by `properties.code` (the areas' codes in the settings). The
 * server checks each geometry (polygons only, WGS-84 ranges, closed rings) and names what is wrong.
 */
export type BoundaryUpload =
  | { kind: 'one'; geometry: unknown }
  | { kind: 'many'; features: Array<{ code: string | null; geometry: unknown }> }
  | { kind: 'invalid'; why: 'json' | 'empty' };

export function readBoundaryFile(text: string): BoundaryUpload {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'invalid', why: 'json' };
  }
  const d = data as { type?: string; features?: unknown };
  if (d?.type !== 'FeatureCollection') return { kind: 'one', geometry: data };
  const features = Array.isArray(d.features) ? d.features : [];
  if (!features.length) return { kind: 'invalid', why: 'empty' };
  return {
    kind: 'many',
    features: features.map((f: { properties?: { code?: unknown }; geometry?: unknown }) => ({
      code: typeof f?.properties?.code === 'string' ? f.properties.code : null,
      geometry: f?.geometry ?? null,
    })),
  };
}
