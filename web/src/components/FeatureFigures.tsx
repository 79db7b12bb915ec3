import { Suspense } from 'react';
import { webFeatures } from '../features.js';
import { Loading } from './Async.js';

/** Every feature's headline figures (web/src/feature.ts `figures`), beside the list's statistics. */
export function FeatureFigures({ detail = false }: { detail?: boolean }) {
  return (
    <>
      {webFeatures.map((f) => {
        const Figures = f.figures;
        return Figures ? (
          <Suspense key={f.name} fallback={<Loading />}>
            <Figures detail={detail} />
          </Suspense>
        ) : null;
      })}
    </>
  );
}

/** What each feature adds to an item's public page (web/src/feature.ts `itemPanels`). */
export function FeatureItemPanels({ code }: { code: string }) {
  return (
    <>
      {webFeatures.map((f) => {
        const Panels = f.itemPanels;
        return Panels ? (
          <Suspense key={f.name} fallback={<Loading />}>
            <Panels code={code} />
          </Suspense>
        ) : null;
      })}
    </>
  );
}
