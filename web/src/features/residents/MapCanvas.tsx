import type { MouseEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { residentsApi, type Boundary, type MapConfig } from './api.js';
import { project, tilesFor, unproject } from './projection.js';
import './residents.css';

export const rings = (b: Boundary) =>
  b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;

/** The tile source and the area boundaries every map draws: loaded once per page. */
export function useMapBase() {
  const config = useAsync(() => residentsApi.mapConfig(), []);
  const areas = useAsync(() => residentsApi.areas(), []);
  return {
    config: config.data ?? null,
    areas: areas.data?.items ?? [],
    loading: config.loading || areas.loading,
    error: config.error ?? areas.error,
  };
}
export type MapBase = ReturnType<typeof useMapBase>;

/** The middle of the box around a set of boundaries (the whole city, or one area for its label). */
export function middleOf(bs: Boundary[]): { lng: number; lat: number } {
  const pts = bs.flatMap((b) => rings(b).flatMap((p) => p[0]));
  if (!pts.length) return { lng: 112.24, lat: 30.33 };
  const lngs = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

const tileHref = (config: MapConfig, zoom: number, x: number, y: number) =>
  config.tileUrl!.replace('{z}', String(zoom)).replace('{x}', String(x)).replace('{y}', String(y));

/**
 * A map drawn as SVG in Web-Mercator pixels, so it works with no tile server: area boundaries
 * always, tiles underneath when configured (a tile that fails to load is hidden). `children` draws
 * on top with `at(lng, lat)`; `onPick` receives the WGS-84 position of a click or tap.
 */
export function MapCanvas(props: {
  base: MapBase;
  centre: { lng: number; lat: number };
  zoom: number;
  label: string;
  width?: number;
  height?: number;
  testId?: string;
  mode?: string;
  onPick?: (lng: number, lat: number) => void;
  children?: (at: (lng: number, lat: number) => [number, number]) => ReactNode;
}) {
  const { lang } = useI18n();
  const { base, zoom, width: W = 800, height: H = 600 } = props;
  const gcj = base.config?.tileCrs === 'gcj02' && Boolean(base.config?.tileUrl);
  const at = (lng: number, lat: number) => project(lng, lat, zoom, gcj);
  const [cx, cy] = at(props.centre.lng, props.centre.lat);
  const box = { x: cx - W / 2, y: cy - H / 2, w: W, h: H };
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const m = e.currentTarget.getScreenCTM();
    if (!props.onPick || !m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    props.onPick(...unproject(p.x, p.y, zoom, gcj));
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the lat/lng inputs beside a pickable map are the keyboard's way
    <svg
      className={`res-map${props.onPick ? ' res-map-pick' : ''}`}
      viewBox={`${box.x} ${box.y} ${W} ${H}`}
      role="group"
      aria-label={props.label}
      data-testid={props.testId}
      data-mode={props.mode}
      onClick={pick}
    >
      <defs>
        <radialGradient id="heat-dot">
          <stop offset="0%" stopColor="#d7301f" stopOpacity="0.8" />
          <stop offset="100%" stopColor="#fc8d59" stopOpacity="0" />
        </radialGradient>
      </defs>
      <rect x={box.x} y={box.y} width={W} height={H} fill="#eef2ee" />
      {base.config?.tileUrl &&
        tilesFor(box, zoom).map((tile) => (
          <image
            key={tile.key}
            className="res-tile"
            href={tileHref(base.config!, zoom, tile.x, tile.y)}
            x={tile.x * 256}
            y={tile.y * 256}
            width={256}
            height={256}
            onError={(e) => e.currentTarget.setAttribute('visibility', 'hidden')}
            onLoad={(e) => e.currentTarget.setAttribute('data-loaded', '1')}
          />
        ))}
      {base.areas.map((b) => {
        const [lx, ly] = at(middleOf([b]).lng, middleOf([b]).lat);
        return (
          <g key={b.areaId} data-testid="map-area">
            {rings(b).map((poly, i) => (
              <path
                key={`${b.areaId}-${i}`}
                className="res-area"
                d={poly.map((r) => `M${r.map(([lng, lat]) => at(lng, lat).join(',')).join('L')}Z`).join('')}
              />
            ))}
            <text className="res-area-label" x={lx} y={ly}>
              {lang === 'en' ? (b.nameEn ?? b.name) : b.name}
            </text>
          </g>
        );
      })}
      {props.children?.(at)}
    </svg>
  );
}
