import { lazy, Suspense } from 'react';
import { getSummary } from '../api/stats.js';
import { listProblems } from '../api/problems.js';
import type { StatsSummary } from '../api/stats.js';
import { Async } from '../components/Async.js';
import { ChartsPlaceholder } from '../charts/ChartsPlaceholder.js';
import { FeatureFigures } from '../components/FeatureFigures.js';
import { MostCommented } from '../components/MostCommented.js';
import { ProblemCard } from '../components/ProblemCard.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { Link } from '../router.js';

// ECharts is large: only pages that draw charts pull it in.
const HomeCharts = lazy(() => import('../charts/HomeCharts.js'));

/** The headline figures; without a summary yet, the same lines with dashes so nothing moves when it comes. */
function Headline({ s }: { s: StatsSummary | null }) {
  const { t, tn } = useI18n();
  const dash = '—';
  const figures: [string, number | string, string][] = [
    [t('home.inProgress'), s?.inProgress ?? dash, 'figure-in-progress'],
    [t('home.overdue'), s?.overdue ?? dash, 'figure-overdue'],
    [t('home.longTerm'), s?.longTerm ?? dash, 'figure-long-term'],
  ];
  const rate = s ? s.rectificationRate : 0;
  return (
    <>
      <p className="headline" data-testid={s ? 'headline' : 'headline-pending'}>
        {tn('home.headline', {
          found: (
            <strong className="big-number" data-testid="headline-found">
              {s?.found ?? dash}
            </strong>
          ),
          rectified: (
            <strong className="big-number" data-testid="headline-rectified">
              {s?.rectified ?? dash}
            </strong>
          ),
        })}
      </p>
      <ul className="figures">
        {figures.map(([label, n, id]) => (
          <li key={id} className="figure">
            <span className="figure-n" data-testid={id}>
              {n}
            </span>
            <span>{label}</span>
          </li>
        ))}
      </ul>
      {rate != null && (
        <p className="muted" data-testid={s ? 'headline-rate' : undefined}>
          {t('home.rate', { rate: s ? (rate * 100).toFixed(1) : dash })}
        </p>
      )}
      <p className="muted">{t('home.headlineNote')}</p>
      <p className="muted small" data-testid="figures-note">
        {t('home.figuresNote')}
      </p>
    </>
  );
}

export function Home() {
  const { t } = useI18n();
  const summary = useAsync((s) => getSummary(s), []);
  const news = useAsync(
    (s) => listProblems({ status: 'rectified,verified,closed', sort: 'updated_desc', limit: 5 }, s),
    [],
  );

  return (
    <div className="page home">
      <section className="hero" aria-labelledby="hero-h">
        <h1 id="hero-h">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <div className="hero-actions">
          <Link to="/report" className="btn btn-primary" data-testid="cta-report">
            {t('nav.report')}
          </Link>
          <Link to="/track" className="btn" data-testid="cta-track">
            {t('nav.track')}
          </Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="stats-h" data-testid="stats">
        <h2 id="stats-h">{t('home.statsTitle')}</h2>
        {summary.loading ? (
          <Headline s={null} />
        ) : (
          <Async state={summary} notFoundText={t('home.statsUnavailable')}>
            {(s) => <Headline s={s} />}
          </Async>
        )}
        <FeatureFigures />
      </section>

      {summary.data ? (
        <Suspense fallback={<ChartsPlaceholder summary={summary.data} />}>
          <HomeCharts summary={summary.data} />
        </Suspense>
      ) : (
        summary.loading && <ChartsPlaceholder summary={null} />
      )}

      <section className="panel" aria-labelledby="news-h" data-testid="good-news">
        <h2 id="news-h">{t('home.goodNews')}</h2>
        <Async state={news} isEmpty={(d) => d.items.length === 0} empty={t('home.goodNewsEmpty')}>
          {(d) => (
            <ul className="card-list">
              {d.items.map((p) => (
                <ProblemCard key={p.code} problem={p} href={`/problems/${encodeURIComponent(p.code)}`} />
              ))}
            </ul>
          )}
        </Async>
        <p>
          <Link to="/problems">{t('home.seeAll')}</Link>
        </p>
      </section>

      <MostCommented />
    </div>
  );
}
