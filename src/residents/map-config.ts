import { ConfigError } from '../config-error.js';

/**
 * The map's tile source (docs/residents.md). With none the map draws area boundaries on a plain
 * background; the content-security policy then allows no tile host at all.
 */
export interface MapConfig {
  /** An XYZ URL template with {z}, {x}, {y}: QINGDAN_TILE_URL. */
  tileUrl: string | null;
  tileAttribution: string;
  /** The tiles' coordinate system: 'wgs84' or 'gcj02' (most Chinese providers); items are stored in WGS-84. */
  tileCrs: 'wgs84' | 'gcj02';
}

export function parseMapConfig(env: Record<string, string | undefined>): MapConfig {
  const tileUrl = env.QINGDAN_TILE_URL?.trim() || null;
  if (tileUrl) {
    let u: URL;
    try {
      u = new URL(tileUrl.replace(/\{[xyzs]\}/g, '0'));
    } catch {
      throw new ConfigError(`QINGDAN_TILE_URL is not a URL: "${tileUrl}"`);
    }
    if (!/^https?:$/.test(u.protocol) || !/\{z\}/.test(tileUrl) || !/\{x\}/.test(tileUrl) || !/\{y\}/.test(tileUrl))
      throw new ConfigError('QINGDAN_TILE_URL must be an http(s) URL template with {z}, {x} and {y}');
  }
  const crs = env.QINGDAN_TILE_CRS?.trim() || 'wgs84';
  if (crs !== 'wgs84' && crs !== 'gcj02') throw new ConfigError('QINGDAN_TILE_CRS must be wgs84 or gcj02');
  return { tileUrl, tileAttribution: env.QINGDAN_TILE_ATTRIBUTION?.trim() || '', tileCrs: crs };
}

/** The origin the CSP must allow images from, or null. */
export function tileOrigin(config: MapConfig): string | null {
  return config.tileUrl ? new URL(config.tileUrl.replace(/\{[xyzs]\}/g, '0')).origin : null;
}
