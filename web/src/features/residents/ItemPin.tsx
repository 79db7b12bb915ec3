import { MapCanvas, useMapBase } from './MapCanvas.js';
import { PinMark } from './PinMark.js';
import { usePinT } from './pin-messages.js';

/** The item page's map: its pin among the area boundaries (tiles underneath when configured). */
export default function ItemPin({ lat, lng }: { lat: number; lng: number }) {
  const t = usePinT();
  const base = useMapBase();
  return (
    <section className="panel" aria-labelledby="item-pin-h">
      <h2 id="item-pin-h">{t('pin.item')}</h2>
      <MapCanvas base={base} centre={{ lat, lng }} zoom={13} height={320} label={t('pin.item')} testId="item-pin-map">
        {(at) => <PinMark at={at(lng, lat)} testId="item-pin" />}
      </MapCanvas>
    </section>
  );
}
