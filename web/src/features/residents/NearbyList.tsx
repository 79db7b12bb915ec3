import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { residentsApi, type Nearby } from './api.js';
import { usePinT } from './pin-messages.js';

type Followed = 'done' | 'signin' | string;

/** "Already reported nearby": open items of the same kind around the pin, each with a way to follow it. */
export function NearbyList({ nearby }: { nearby: Nearby }) {
  const t = usePinT();
  const [followed, setFollowed] = useState<Record<string, Followed>>({});
  const follow = async (code: string) => {
    try {
      await residentsApi.follow(code);
      setFollowed((f) => ({ ...f, [code]: 'done' }));
    } catch (e) {
      const why = isApiError(e) && e.status === 401 ? 'signin' : isApiError(e) ? e.message : String(e);
      setFollowed((f) => ({ ...f, [code]: why }));
    }
  };
  if (!nearby.items.length)
    return (
      <p className="muted" data-testid="nearby-none">
        {t('pin.nearbyNone', { r: nearby.radius })}
      </p>
    );
  return (
    <section className="res-nearby" aria-live="polite" data-testid="nearby">
      <p>{t('pin.nearby', { n: nearby.items.length })}</p>
      <ul className="res-list">
        {nearby.items.map((i) => (
          <li key={i.code} data-testid={`nearby-${i.code}`}>
            <span>
              {/* A new tab keeps the half-filled report. */}
              <a href={`/problems/${i.code}`} target="_blank" rel="noopener">
                {i.title}
              </a>{' '}
              <span className="muted">
                {i.code} · {t('pin.metres', { m: i.metres })}
              </span>
            </span>
            {followed[i.code] === 'done' ? (
              <span className="state" role="status">
                {t('pin.followed')}
              </span>
            ) : followed[i.code] === 'signin' ? (
              <a href="/me/signin" target="_blank" rel="noopener" data-testid="nearby-signin">
                {t('pin.signIn')}
              </a>
            ) : (
              <span>
                <button type="button" className="btn btn-small" onClick={() => follow(i.code)}>
                  {t('pin.follow')}
                </button>{' '}
                {followed[i.code] && <span className="field-error">{followed[i.code]}</span>}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
