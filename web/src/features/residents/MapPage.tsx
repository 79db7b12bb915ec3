import { useMemo, useState } from 'react';
import { ErrorBox, Loading } from '../../components/Async.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { navigate } from '../../router.js';
import { residentsApi, type Boundary } from './api.js';
import { useResT } from './messages.js';
import { project, tilesFor } from './projection.js';
import './residents.css';

const W = 800;
const H = 600;
const STATUSES = ['accepted', 'assigned', 'in_progress', 'rectified', 'closed'];

const rings = (b: Boundary) => (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates);

/**
 * The public map, drawn as SVG so it works with no tile server: area boundaries always, tiles
 * underneath when configured (a tile that fails to load is simply hidden), clusters or a heat map.
 */
export default function MapPage() {
  const t = useResT();
  const { lang } = useI18n();
  const [zoom, setZoom] = useState(9);
  const [mode, setMode] = useState<'clusters' | 'heat'>('clusters');
  const [status, setStatus] = useState('');
  const config = useAsync(() => residentsApi.mapConfig(), []);
  const areas = useAsync(() => residentsApi.areas(), []);
  const data = useAsync(() => residentsApi.clusters({ zoom, status: status || undefined }), [zoom, status]);
  const gcj = config.data?.tileCrs === 'gcj02' && Boolean(config.data?.tileUrl);
  const centre = useMemo(() => {
    const pts = (areas.data?.items ?? []).flatMap((b) => rings(b).flatMap((p) => p[0]));
    if (!pts.length) return { lng: 112.24, lat: 30.33 };
    const lngs = pts.map((p) => p[0]);
    const lats = pts.map((p) => p[1]);
    return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
  }, [areas.data]);
  const [cx, cy] = project(centre.lng, centre.lat, zoom, gcj);
  const box = { x: cx - W / 2, y: cy - H / 2, w: W, h: H };
  const max = Math.max(1, ...(data.data?.clusters.map((c) => c.count) ?? [1]));
  return (
    <div className="page res-page">
      <h1>{t('map.title')}</h1>
      <div className="res-row res-toolbar">
        <button type="button" className="btn btn-small" onClick={() => setMode('clusters')} data-testid="map-clusters">
          {t('map.clusters')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setMode('heat')} data-testid="map-heat">
          {t('map.heat')}
        </button>
        <label>
          {t('map.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="map-status">
            <option value="">{t('map.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={() => setZoom((z) => Math.min(16, z + 1))}>
          {t('map.zoomIn')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setZoom((z) => Math.max(5, z - 1))}>
          {t('map.zoomOut')}
        </button>
        {data.data && <span data-testid="map-total">{t('map.total').replace('{n}', String(data.data.total))}</span>}
      </div>
      {(areas.loading || data.loading) && <Loading />}
      {Boolean(areas.error || data.error) && <ErrorBox error={areas.error ?? data.error} />}
      <svg
        className="res-map"
        viewBox={`${box.x} ${box.y} ${W} ${H}`}
        role="group"
        aria-label={t('map.title')}
        data-testid="map"
        data-mode={mode}
      >
        <defs>
          <radialGradient id="heat-dot">
            <stop offset="0%" stopColor="#d7301f" stopOpacity="0.8" />
            <stop offset="100%" stopColor="#fc8d59" stopOpacity="0" />
          </radialGradient>
        </defs>
        <rect x={box.x} y={box.y} width={W} height={H} fill="#eef2ee" />
        {config.data?.tileUrl &&
          tilesFor(box, zoom).map((tile) => (
            <image
              key={tile.key}
              className="res-tile"
              href={config
                .data!.tileUrl!.replace('{z}', String(zoom))
                .replace('{x}', String(tile.x))
                .replace('{y}', String(tile.y))}
              x={tile.x * 256}
              y={tile.y * 256}
              width={256}
              height={256}
              onError={(e) => e.currentTarget.setAttribute('visibility', 'hidden')}
              onLoad={(e) => e.currentTarget.setAttribute('data-loaded', '1')}
            />
          ))}
        {areas.data?.items.map((b) => (
          <g key={b.areaId} data-testid="map-area">
            {rings(b).map((poly, i) => (
              <path
                key={`${b.areaId}-${i}`}
                className="res-area"
                d={poly
                  .map((r) => `M${r.map(([lng, lat]) => project(lng, lat, zoom, gcj).join(',')).join('L')}Z`)
                  .join('')}
              />
            ))}
            <text
              className="res-area-label"
              x={project(...labelAt(b), zoom, gcj)[0]}
              y={project(...labelAt(b), zoom, gcj)[1]}
            >
              {lang === 'en' ? (b.nameEn ?? b.name) : b.name}
            </text>
          </g>
        ))}
        {data.data?.clusters.map((c) => {
          const [x, y] = project(c.lng, c.lat, zoom, gcj);
          if (mode === 'heat')
            return (
              <circle
                key={`${c.lat},${c.lng}`}
                cx={x}
                cy={y}
                r={12 + 30 * Math.sqrt(c.count / max)}
                fill="url(#heat-dot)"
                data-testid="map-heat-dot"
              />
            );
          const r = c.count === 1 ? 6 : 10 + 14 * Math.sqrt(c.count / max);
          return (
            <g
              key={`${c.lat},${c.lng}`}
              className="res-cluster"
              role="button"
              tabIndex={0}
              aria-label={c.code ?? t('map.total').replace('{n}', String(c.count))}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.dispatchEvent(new MouseEvent('click'))}
              data-testid={c.count === 1 ? 'map-pin' : 'map-cluster'}
              onClick={() => (c.code ? navigate(`/problems/${c.code}`) : setZoom((z) => Math.min(16, z + 2)))}
            >
              <circle cx={x} cy={y} r={r} />
              {c.count > 1 && (
                <text x={x} y={y + 4} textAnchor="middle">
                  {c.count}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {config.data?.tileAttribution && <p className="muted">{config.data.tileAttribution}</p>}
    </div>
  );
}

/** A label position: the middle of the boundary's box. */
function labelAt(b: Boundary): [number, number] {
  const pts = rings(b).flatMap((p) => p[0]);
  const lngs = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [(Math.min(...lngs) + Math.max(...lngs)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}
