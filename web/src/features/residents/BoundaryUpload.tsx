import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { listRef } from '../../api/reference.js';
import { Field } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { residentsApi } from './api.js';
import { readBoundaryFile } from './boundary-file.js';
import { MapCanvas, middleOf, useMapBase } from './MapCanvas.js';
import { useBoundaryT } from './boundary-messages.js';

type Outcome = { label: string; ok: boolean; message: string };

/**
 * Settings → area boundaries: a GeoJSON file (or pasted text) for one area, or a FeatureCollection
 * naming areas by `properties.code`. Each geometry goes to the server, which refuses what is not a
 * closed WGS-84 polygon and says which ring and position is wrong; the map shows what is stored.
 */
export default function BoundaryUpload() {
  const t = useBoundaryT();
  const base = useMapBase();
  const [areaId, setAreaId] = useState('');
  const [text, setText] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [stored, setStored] = useState(0);
  const send = async (label: string, id: number, geometry: unknown): Promise<Outcome> => {
    try {
      await residentsApi.setBoundary(id, geometry);
      return { label, ok: true, message: t('bnd.saved') };
    } catch (e) {
      return { label, ok: false, message: isApiError(e) ? e.message : String(e) };
    }
  };
  const upload = async () => {
    const file = readBoundaryFile(text);
    if (file.kind === 'invalid') return setOutcomes([{ label: '—', ok: false, message: t(`bnd.${file.why}`) }]);
    if (file.kind === 'one') {
      if (!areaId) return setOutcomes([{ label: '—', ok: false, message: t('bnd.chooseArea') }]);
      setOutcomes([await send(t('bnd.chosen'), Number(areaId), file.geometry)]);
    } else {
      const areas = await listRef('areas', { fresh: true });
      const out: Outcome[] = [];
      for (const [i, f] of file.features.entries()) {
        const area = areas.find((a) => a.code === f.code);
        const label = f.code ?? `#${i + 1}`;
        out.push(area ? await send(label, area.id, f.geometry) : { label, ok: false, message: t('bnd.noCode') });
      }
      setOutcomes(out);
    }
    setStored((n) => n + 1);
  };
  return (
    <div className="res-page" key={stored}>
      <h1>{t('bnd.title')}</h1>
      <p className="muted">{t('bnd.lead')}</p>
      <div className="form panel">
        <Field id="bnd-area" label={t('bnd.area')} hint={t('bnd.areaHint')}>
          <RefSelect kind="areas" id="bnd-area" value={areaId} onChange={setAreaId} testId="bnd-area" />
        </Field>
        <Field id="bnd-file" label={t('bnd.file')}>
          <input
            id="bnd-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            data-testid="bnd-file"
            onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? '')}
          />
        </Field>
        <Field id="bnd-text" label={t('bnd.text')}>
          <textarea
            id="bnd-text"
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="bnd-text"
          />
        </Field>
        <button
          type="button"
          className="btn btn-primary"
          onClick={upload}
          disabled={!text.trim()}
          data-testid="bnd-upload"
        >
          {t('bnd.upload')}
        </button>
        <ul className="res-list" aria-live="polite" data-testid="bnd-outcomes">
          {outcomes.map((o) => (
            <li key={o.label} className={o.ok ? 'state' : 'field-error'} data-ok={o.ok ? '1' : '0'}>
              {o.label}: {o.message}
            </li>
          ))}
        </ul>
      </div>
      <MapCanvas
        base={base}
        centre={middleOf(base.areas)}
        zoom={8}
        height={420}
        label={t('bnd.title')}
        testId="bnd-map"
      />
    </div>
  );
}
