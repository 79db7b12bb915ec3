import { mostCommented } from '../api/comments.js';
import type { State } from '../../../src/lifecycle/lifecycle.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { Link } from '../router.js';
import { Async } from './Async.js';
import { StatusBadge } from './StatusBadge.js';

/** The items people talk about most (comments and thanks), for the home page. */
export function MostCommented() {
  const { t } = useI18n();
  const state = useAsync((s) => mostCommented(5, s), []);
  return (
    <section className="panel" aria-labelledby="talked-h" data-testid="most-commented">
      <h2 id="talked-h">{t('home.mostCommented')}</h2>
      <Async state={state} isEmpty={(d) => d.length === 0} empty={t('home.mostCommentedEmpty')}>
        {(items) => (
          <ol className="card-list ranked">
            {items.map((p) => (
              <li key={p.code} className="card problem-card" data-testid="most-commented-item">
                <div className="card-head">
                  <Link to={`/problems/${encodeURIComponent(p.code)}`} className="card-title">
                    {p.title}
                  </Link>
                  <StatusBadge status={p.status as State} />
                </div>
                <div className="card-meta muted">
                  <span className="code">{p.code}</span>
                  <span>{t('home.commentCount', { n: p.comments })}</span>
                  {p.thanks > 0 && <span className="badge badge-thanks">{t('home.thanksCount', { n: p.thanks })}</span>}
                </div>
              </li>
            ))}
          </ol>
        )}
      </Async>
    </section>
  );
}
