import { useI18n } from '../../i18n/index.js';
import { Link } from '../../router.js';
import type { Programme } from './api.js';
import { useMoreT } from './more-messages.js';
import { Bar } from './shared.js';

/** A programme's roll-up: progress weighted by budget, money, years. */
export function ProgrammeSummary({ p }: { p: Programme }) {
  const t = useMoreT();
  return (
    <div data-testid="programme-summary">
      <Bar percent={p.progressPercent} />
      <p className="muted">
        {t('prog.budget', { budget: p.budgetWan, spent: p.spentWan })}
        {p.yearFrom !== null && ` · ${t('prog.years', { from: p.yearFrom, to: p.yearTo ?? p.yearFrom })}`}
      </p>
    </div>
  );
}

/** Parts and their sub-projects (indented under their part), each with years, deadline and money. */
export function ProgrammeTable({ p, admin }: { p: Programme; admin?: boolean }) {
  const t = useMoreT();
  const { t: core } = useI18n();
  const parts = p.parts.filter((x) => x.kind === 'part');
  const orphans = p.parts.filter((x) => x.kind !== 'part' && !parts.some((y) => y.code === x.parentCode));
  const rows = [...parts.flatMap((x) => [x, ...p.parts.filter((y) => y.parentCode === x.code)]), ...orphans];
  return (
    <div className="table-wrap">
      <table className="table" data-testid="programme-table">
        <thead>
          <tr>
            <th>{t('prog.item')}</th>
            <th>{t('prog.plannedYears')}</th>
            <th>{t('prog.deadline')}</th>
            <th>{t('prog.money')}</th>
            <th>{core('problem.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.code} data-testid="programme-row">
              <td className={x.kind === 'part' ? undefined : 'cmp-sub'}>
                <span className="muted">{t(x.kind === 'part' ? 'prog.part' : 'prog.subproject')}</span>{' '}
                <Link to={admin ? `/admin/problems/${x.code}` : `/problems/${x.code}`}>{x.title}</Link>
              </td>
              <td>{t('prog.years', { from: x.yearFrom, to: x.yearTo })}</td>
              <td>{x.deadline ?? '—'}</td>
              <td>
                {x.budgetWan} / {x.spentWan}
              </td>
              <td data-testid="programme-state">
                {core(`status.${x.status}` as 'status.closed')} · {x.progressPercent}% ·{' '}
                <span className={x.overdue ? 'cmp-missed' : 'cmp-done'}>
                  {x.overdue ? t('prog.overdue') : t('prog.onPlan')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
