import { lazy, Suspense, useRef, useState } from 'react';
import type { PinArea } from '../features/residents/PinPicker.js';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';

// The map is the residents feature's; loaded only with the form, and the form works without it.
const PinPicker = lazy(() => import('../features/residents/PinPicker.js'));

export interface Place {
  address: string;
  lat: string;
  lng: string;
}

const coordinate = (s: string, limit: number) => {
  const n = s.trim() === '' ? Number.NaN : Number(s);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
};

/**
 * Location: a pin on the map (a tap, or the device's position), or coordinates typed by keyboard,
 * and an address in words. The pin fills the area (`onArea`) and, when the address is empty or
 * still what the pin wrote, the address with the area's name: there is no geocoder offline, so
 * the street stays for the resident to type, and their own text is never overwritten.
 */
export function ReportLocation({
  value,
  onChange,
  coordsError,
  categoryId,
  onArea,
}: {
  value: Place;
  onChange: (p: Place) => void;
  coordsError?: string;
  categoryId?: string;
  onArea?: (areaId: number) => void;
}) {
  const { t } = useI18n();
  const [geoFailed, setGeoFailed] = useState(false);
  const set = (patch: Partial<Place>) => onChange({ ...value, ...patch });
  const autoAddress = useRef('');
  const lat = coordinate(value.lat, 90);
  const lng = coordinate(value.lng, 180);
  const placed = (area: PinArea | null) => {
    if (!area) return;
    onArea?.(area.id);
    if (value.address.trim() && value.address !== autoAddress.current) return;
    autoAddress.current = area.label;
    set({ address: area.label });
  };
  const locate = () => {
    setGeoFailed(false);
    navigator.geolocation?.getCurrentPosition(
      (pos) => set({ lat: pos.coords.latitude.toFixed(6), lng: pos.coords.longitude.toFixed(6) }),
      () => setGeoFailed(true),
      { timeout: 10_000 },
    );
  };
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('problem.address')}</legend>
        <Suspense fallback={null}>
          <PinPicker
            lat={lat !== null && lng !== null ? lat : null}
            lng={lat !== null && lng !== null ? lng : null}
            categoryId={categoryId ? Number(categoryId) : undefined}
            onPin={(la, ln) => set({ lat: String(la), lng: String(ln) })}
            onArea={placed}
          />
        </Suspense>
      </fieldset>
      <Field id="report-address" label={t('problem.address')} hint={t('report.addressHint')}>
        <input
          id="report-address"
          value={value.address}
          maxLength={300}
          data-testid="report-address"
          onChange={(e) => set({ address: e.target.value })}
        />
      </Field>
      <fieldset className="fieldset">
        <legend>{t('report.coords')}</legend>
        <div className="grid-2">
          <Field id="report-lat" label={t('report.lat')} error={coordsError}>
            <input
              id="report-lat"
              inputMode="decimal"
              value={value.lat}
              data-testid="report-lat"
              aria-invalid={coordsError ? true : undefined}
              onChange={(e) => set({ lat: e.target.value })}
            />
          </Field>
          <Field id="report-lng" label={t('report.lng')}>
            <input
              id="report-lng"
              inputMode="decimal"
              value={value.lng}
              data-testid="report-lng"
              aria-invalid={coordsError ? true : undefined}
              onChange={(e) => set({ lng: e.target.value })}
            />
          </Field>
        </div>
        {'geolocation' in navigator && (
          <button type="button" className="btn btn-small" onClick={locate}>
            {t('report.useLocation')}
          </button>
        )}
        {geoFailed && (
          <span className="field-error" role="alert">
            {t('report.geoFailed')}
          </span>
        )}
      </fieldset>
    </>
  );
}
