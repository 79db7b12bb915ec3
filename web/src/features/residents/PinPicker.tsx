import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { residentsApi } from './api.js';
import { MapCanvas, middleOf, useMapBase } from './MapCanvas.js';
import { useResT } from './messages.js';
import { NearbyList } from './NearbyList.js';
import { PinMark } from './PinMark.js';
import { usePinT } from './pin-messages.js';
import { FormError } from '../../components/Field.js';

export interface PinArea {
  id: number;
  /** What goes into an empty address field: the area's name, marked as chosen on the map. */
  label: string;
}

/**
 * The report form's map: a click or tap drops the pin (the lat/lng inputs beside it stay the
 * keyboard's way), the area under it is looked up (`onArea`), and open items of the same category
 * nearby are listed so a resident can follow one instead of reporting it again.
 */
export default function PinPicker(props: {
  lat: number | null;
  lng: number | null;
  categoryId?: number;
  onPin: (lat: number, lng: number) => void;
  onArea: (area: PinArea | null) => void;
}) {
  const t = usePinT();
  const tm = useResT();
  const { lang } = useI18n();
  const base = useMapBase();
  const { lat, lng, categoryId } = props;
  const pinned = lat !== null && lng !== null;
  const [zoom, setZoom] = useState(11);
  const [centre, setCentre] = useState<{ lng: number; lat: number } | null>(null);
  const clicked = useRef('');
  // A pin from the device or typed coordinates moves the view to it; a tap leaves the view still.
  useEffect(() => {
    if (pinned && clicked.current !== `${lat},${lng}`) setCentre({ lat: lat!, lng: lng! });
  }, [pinned, lat, lng]);
  const located = useAsync(
    () => (pinned ? residentsApi.locate(lat!, lng!) : Promise.resolve(null)),
    [pinned, lat, lng],
  );
  const nearby = useAsync(
    () => (pinned ? residentsApi.nearby({ lat: lat!, lng: lng!, categoryId }) : Promise.resolve(null)),
    [pinned, lat, lng, categoryId],
  );
  const onArea = useRef(props.onArea);
  onArea.current = props.onArea;
  const area = located.data?.area;
  useEffect(() => {
    if (area) onArea.current({ id: area.id, label: t('pin.addressAuto', { area: name(area, lang) }) });
    else if (located.error) onArea.current(null);
    // t and lang change the label only; the area is what triggers filling the form.
  }, [area, located.error]);
  const pick = (x: number, y: number) => {
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    clicked.current = `${round(y)},${round(x)}`;
    props.onPin(round(y), round(x));
  };
  return (
    <div className="res-pin" data-testid="pin-picker">
      <p className="muted" id="pin-hint">
        {t('pin.hint')}
      </p>
      <div className="res-row res-toolbar">
        <button type="button" className="btn btn-small" onClick={() => setZoom((z) => Math.min(17, z + 1))}>
          {tm('map.zoomIn')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setZoom((z) => Math.max(8, z - 1))}>
          {tm('map.zoomOut')}
        </button>
      </div>
      <MapCanvas
        base={base}
        centre={centre ?? middleOf(base.areas)}
        zoom={zoom}
        height={420}
        label={t('pin.map')}
        testId="pin-map"
        onPick={pick}
      >
        {(at) => (
          <>
            {nearby.data?.items.map((i) => (
              <circle key={i.code} className="res-nearby-dot" r={5} cx={at(i.lng, i.lat)[0]} cy={at(i.lng, i.lat)[1]} />
            ))}
            {pinned && <PinMark at={at(lng!, lat!)} testId="pin-marker" />}
          </>
        )}
      </MapCanvas>
      {area && <p data-testid="pin-area">{t('pin.area', { area: name(area, lang) })}</p>}
      <FormError
        message={isApiError(located.error) && located.error.status === 400 && t('pin.outside')}
        testId="pin-outside"
      />
      {nearby.data && <NearbyList nearby={nearby.data} />}
    </div>
  );
}

const name = (a: { name: string; nameEn: string | null }, lang: string) =>
  lang === 'en' ? (a.nameEn ?? a.name) : a.name;
