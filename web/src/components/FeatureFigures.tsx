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
