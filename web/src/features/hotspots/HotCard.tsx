import type { ReactNode } from 'react';
import { Link } from '../../router.js';
import type { Cluster } from './api.js';
import { useHotT } from './messages.js';

/** One hot spot: what, where, how often in the window, its growth and support, and its newest items. */
export function HotCard({ c, members = 5, children }: { c: Cluster; members?: number; children?: ReactNode }) {
  const t = useHotT();
  return (
    <li className="card hot-card" data-testid="hot-card">
      <div className="card-head">
        <h3 className="card-title">{c.title}</h3>
        {c.promotedTo && (
          <Link to={`/problems/${encodeURIComponent(c.promotedTo)}`} className="badge" data-testid="hot-promoted">
            {t('hot.promoted', { code: c.promotedTo })}
          </Link>
        )}
      </div>
      <p className="hot-figures">
        <strong data-testid="hot-reported">{t('hot.reported', { n: c.reports, days: c.days })}</strong>
        <span className={c.growth > 0 ? 'hot-up' : 'muted'}>
          {t('hot.growth', { sign: c.growth > 0 ? '+' : '', n: c.growth, days: c.days })}
        </span>
        <span data-testid="hot-support">{t('hot.support', { n: c.support })}</span>
      </p>
      <p className="muted">
        {[c.area?.name, c.category?.name].filter(Boolean).join(' · ')} · {c.firstAt.slice(0, 10)} –{' '}
        {c.lastAt.slice(0, 10)}
      </p>
      {members > 0 && (
        <details>
          <summary>{t('hot.members', { n: c.memberCount })}</summary>
          <ul className="hot-members">
            {c.members.slice(0, members).map((m) => (
              <li key={m.code}>
                <Link to={`/problems/${encodeURIComponent(m.code)}`}>{m.title}</Link>{' '}
                <span className="muted code">{m.code}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {children}
    </li>
  );
}
