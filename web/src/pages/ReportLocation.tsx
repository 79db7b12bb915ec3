import { useState } from 'react';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';

export interface Place {
  address: string;
  lat: string;
  lng: string;
}

/** Map-free location: an address in words and, optionally, coordinates (typed or from the device). */
export function ReportLocation({
  value,
  onChange,
  coordsError,
}: {
  value: Place;
  onChange: (p: Place) => void;
  coordsError?: string;
}) {
  const { t } = useI18n();
  const [geoFailed, setGeoFailed] = useState(false);
  const set = (patch: Partial<Place>) => onChange({ ...value, ...patch });
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
