import { Suspense, type ComponentType } from 'react';
import type { WebFeature } from '../feature.js';
import { webFeatures } from '../features.js';
import { Loading } from './Async.js';

/** Each feature's part of a slot (web/src/feature.ts), lazy, in the features' order. */
function EachFeature<P extends object>({
  slot,
  props,
}: {
  slot: (f: WebFeature) => ComponentType<P> | undefined;
  props: P;
}) {
  return (
    <>
      {webFeatures.map((f) => {
        const Part = slot(f);
        return Part ? (
          <Suspense key={f.name} fallback={<Loading />}>
            <Part {...props} />
          </Suspense>
        ) : null;
      })}
    </>
  );
}

/** Every feature's headline figures (web/src/feature.ts `figures`), beside the list's statistics. */
export function FeatureFigures({ detail = false }: { detail?: boolean }) {
  return <EachFeature slot={(f) => f.figures} props={{ detail }} />;
}

/** What each feature adds to an item's public page (web/src/feature.ts `itemPanels`). */
export function FeatureItemPanels({ code }: { code: string }) {
  return <EachFeature slot={(f) => f.itemPanels} props={{ code }} />;
}
