import { lazy, Suspense } from 'react';
import { getRankings } from '../api/supervision.js';
import { Async, Empty, Loading } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { RankTable, RedBlackLists } from '../components/RankTable.js';
import { useI18n } from '../i18n/index.js';
import { currentMonth, formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { navigate, useLocation } from '../router.js';

const ScoreChart = lazy(() => import('../charts/ScoreChart.js'));

/** Department scoreboard (考核排名): the month's ranking with the three rates, red and black lists. */
export function Scoreboard() {
  const { t } = useI18n();
  // The month lives in the URL, so a ranking can be linked to and survives a reload.
  const { search } = useLocation();
  const asked = search.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(asked) ? asked : currentMonth(-1);
  const setMonth = (m: string) => navigate(`/scoreboard?month=${m}`, { replace: true, keepScroll: true });
  const state = useAsync((s) => getRankings(month, s), [month]);

  return (
    <div className="page">
      <h1>{t('score.title')}</h1>
      <p className="lead">{t('score.lead')}</p>
      <div className="panel form-inline">
        <Field id="score-month" label={t('score.month')}>
          <input
            id="score-month"
            type="month"
            value={month}
            max={currentMonth()}
            data-testid="score-month"
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </Field>
        {state.data && (
          <span className="badge" data-testid="score-settled" data-month={state.data.month}>
            {state.data.settled ? `${t('score.settled')} ${formatTime(state.data.settledAt)}` : t('score.provisional')}
          </span>
        )}
      </div>
      <Async state={state}>
        {(r) =>
          !r.departments.some((d) => d.received > 0) && !r.areas.some((a) => a.received > 0) ? (
            <Empty testId="score-empty">{t('score.empty')}</Empty>
          ) : (
            <div data-testid="scoreboard">
              <p className="muted">
                {t('score.weights', {
                  response: r.weights.response,
                  resolution: r.weights.resolution,
                  satisfaction: r.weights.satisfaction,
                })}
              </p>
              <RedBlackLists red={r.redList} black={r.blackList} />
              <Suspense fallback={<Loading label={t('home.chartsLoading')} />}>
                <ScoreChart rows={r.departments} />
              </Suspense>
              <RankTable
                rows={r.departments.filter((d) => d.received > 0)}
                title={t('score.departments')}
                testId="rank-departments"
                red={r.redList}
                black={r.blackList}
              />
              <RankTable
                rows={r.areas.filter((d) => d.received > 0)}
                title={t('score.areas')}
                testId="rank-areas"
                red={r.areaLists.redList}
                black={r.areaLists.blackList}
              />
            </div>
          )
        }
      </Async>
    </div>
  );
}
