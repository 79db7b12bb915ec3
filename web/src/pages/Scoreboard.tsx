import { lazy, Suspense, useState } from 'react';
import { getRankings } from '../api/stats.js';
import { isApiError } from '../api/client.js';
import type { RankingRow } from '../api/types.js';
import { Empty, ErrorBox, Loading } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { currentMonth, percent } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

const ScoreChart = lazy(() => import('../charts/ScoreChart.js'));

const COLUMNS: [keyof RankingRow, MessageKey][] = [
  ['composite', 'score.composite'],
  ['responseRate', 'score.response'],
  ['resolutionRate', 'score.resolution'],
  ['satisfactionRate', 'score.satisfaction'],
  ['onTimeRate', 'score.onTime'],
  ['overdueCount', 'score.overdue'],
];

function RankTable({ rows, title, testId }: { rows: RankingRow[]; title: string; testId: string }) {
  const { t } = useI18n();
  const cols = COLUMNS.filter(([k]) => rows.some((r) => r[k] !== undefined && r[k] !== null));
  const sorted = [...rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.composite ?? 0) - (a.composite ?? 0));
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {!rows.length ? <Empty /> : (
        <div className="table-wrap">
          <table className="table" data-testid={testId}>
            <thead>
              <tr><th scope="col">{t('score.rank')}</th><th scope="col">{t('score.name')}</th>
                {cols.map(([k, label]) => <th key={k} scope="col">{t(label)}</th>)}</tr>
            </thead>
            <tbody>
              {sorted.map((r, i) => (
                <tr key={r.id ?? r.name} className={i < 5 ? 'red-list' : i >= sorted.length - 5 && sorted.length > 10 ? 'black-list' : ''}>
                  <td>{r.rank ?? i + 1}</td>
                  <th scope="row">{r.name}</th>
                  {cols.map(([k]) => (
                    <td key={k}>{k === 'overdueCount' ? (r[k] ?? '—') : k === 'composite' ? (r[k] as number | null)?.toFixed?.(1) ?? '—' : percent(r[k] as number)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Scoreboard() {
  const { t } = useI18n();
  const [month, setMonth] = useState(currentMonth(-1));
  const state = useAsync((s) => getRankings(month, s), [month]);
  const depts = state.data?.departments ?? state.data?.items ?? [];
  const areas = state.data?.areas ?? [];

  return (
    <div className="page">
      <h1>{t('score.title')}</h1>
      <p className="lead">{t('score.lead')}</p>
      <div className="panel form-inline">
        <Field id="score-month" label={t('score.month')}>
          <input id="score-month" type="month" value={month} max={currentMonth()} data-testid="score-month"
            onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </Field>
        {state.data?.settled !== undefined && (
          <span className="badge">{state.data.settled ? t('score.settled') : t('score.provisional')}</span>
        )}
      </div>
      {state.loading ? <Loading /> : state.error ? (
        isApiError(state.error) && state.error.status === 404
          ? <Empty testId="score-unavailable">{t('score.unavailable')}</Empty>
          : <ErrorBox error={state.error} onRetry={state.reload} />
      ) : !depts.length && !areas.length ? <Empty testId="score-empty">{t('score.empty')}</Empty> : (
        <div data-testid="scoreboard">
          {depts.some((r) => typeof r.composite === 'number') && (
            <Suspense fallback={<Loading />}><ScoreChart rows={depts} /></Suspense>
          )}
          {depts.length > 0 && <RankTable rows={depts} title={t('score.departments')} testId="rank-departments" />}
          {areas.length > 0 && <RankTable rows={areas} title={t('score.areas')} testId="rank-areas" />}
        </div>
      )}
    </div>
  );
}
