import { useMemo, useState } from 'react';
import { ErrorBox, Loading } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { navigate } from '../../router.js';
import { residentsApi } from './api.js';
import { MapCanvas, middleOf, useMapBase } from './MapCanvas.js';
import { useResT } from './messages.js';

const STATUSES = ['accepted', 'assigned', 'in_progress', 'rectified', 'closed'];

/** The public map (MapCanvas: boundaries, tiles when configured) with clusters or a heat map. */
export default function MapPage() {
  const t = useResT();
  const [zoom, setZoom] = useState(9);
  const [mode, setMode] = useState<'clusters' | 'heat'>('clusters');
  const [status, setStatus] = useState('');
  const base = useMapBase();
  const data = useAsync(() => residentsApi.clusters({ zoom, status: status || undefined }), [zoom, status]);
  const centre = useMemo(() => middleOf(base.areas), [base.areas]);
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
      {(base.loading || data.loading) && <Loading />}
      {Boolean(base.error || data.error) && <ErrorBox error={base.error ?? data.error} />}
      <MapCanvas base={base} centre={centre} zoom={zoom} label={t('map.title')} testId="map" mode={mode}>
        {(at) =>
          data.data?.clusters.map((c) => {
            const [x, y] = at(c.lng, c.lat);
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
          })
        }
      </MapCanvas>
      {base.config?.tileAttribution && <p className="muted">{base.config.tileAttribution}</p>}
    </div>
  );
}
