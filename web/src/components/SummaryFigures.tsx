import { getSummary } from '../api/stats.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { percent } from '../lib/format.js';
import { Async } from './Async.js';
import { FeatureFigures } from './FeatureFigures.js';
import { topRows } from '../charts/chart-rows.js';

/** Headline counts for staff boards, plus the per-department table when asked for. */
export function SummaryFigures({ byDepartment = false }: { byDepartment?: boolean }) {
  const { t } = useI18n();
  const state = useAsync((s) => getSummary(s), []);
  return (
    <section className="panel" aria-label={t('home.statsTitle')} data-testid="summary">
      <Async state={state} notFoundText={t('home.statsUnavailable')}>
        {(s) => (
          <>
            <ul className="figures">
              {(
                [
                  ['home.found', s.found, 'found'],
                  ['home.rectified', s.rectified, 'rectified'],
                  ['home.inProgress', s.inProgress, 'in-progress'],
                  ['home.overdue', s.overdue, 'overdue'],
                  ['home.longTerm', s.longTerm, 'long-term'],
                ] as const
              ).map(([k, n, id]) => (
                <li key={id} className="figure">
                  <span className="figure-n" data-testid={`summary-${id}`}>
                    {n}
                  </span>
                  <span>{t(k)}</span>
                </li>
              ))}
            </ul>
            <FeatureFigures detail={byDepartment} />
            {byDepartment && s.byDepartment.length > 0 && (
              <div className="table-wrap">
                <table className="table" data-testid="summary-departments">
                  <thead>
                    <tr>
                      <th scope="col">{t('problem.leadDepartment')}</th>
                      <th scope="col">{t('home.found')}</th>
                      <th scope="col">{t('home.rectified')}</th>
                      <th scope="col">{t('leader.rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {topRows(s.byDepartment)
                      .sort((a, b) => b.count - a.count)
                      .map((d) => (
                        <tr key={d.id}>
                          <th scope="row">{d.name}</th>
                          <td>{d.count}</td>
                          <td>{d.rectified}</td>
                          <td>{d.count ? percent(d.rectified / d.count) : '—'}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
