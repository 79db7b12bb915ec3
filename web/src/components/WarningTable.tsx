import type { WarningItem } from '../api/supervision.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { formatDate, pct } from '../lib/format.js';
import { Link } from '../router.js';
import { Empty } from './Async.js';
import { IssueLetterLink } from './IssueLetterLink.js';
import { WarningBadge } from './WarningBadge.js';

/** Items with their warning, planned vs reported progress and weekly-report duty, for boards. */
export function WarningTable({
  items,
  testId,
  emptyText,
}: {
  items: WarningItem[];
  testId: string;
  emptyText?: string;
}) {
  const { t, join } = useI18n();
  if (!items.length) return <Empty testId={`${testId}-empty`}>{emptyText}</Empty>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must take focus to scroll by keyboard
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('board.warning')}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('board.item')}</th>
            <th scope="col">{t('board.warning')}</th>
            <th scope="col">{t('problem.leadDepartment')}</th>
            <th scope="col">{t('problem.deadline')}</th>
            <th scope="col">{t('board.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((w) => (
            <tr key={w.code} data-testid="warning-row" data-code={w.code}>
              <th scope="row">
                <Link to={`/admin/problems/${encodeURIComponent(w.code)}`}>{w.title}</Link>
                <div className="muted code">
                  {w.code} · {t(`status.${w.status}` as MessageKey)}
                </div>
              </th>
              <td>
                <WarningBadge warning={w.warning} />{' '}
                <IssueLetterLink code={w.code} title={w.title} reasons={w.warning.reasons} />
                {w.missingWeeklyReport && (
                  <span className="badge badge-overdue">{t('reason.missing_weekly_report')}</span>
                )}
                <div className="muted small">{join(w.warning.reasons.map((r) => t(`reason.${r}` as MessageKey)))}</div>
              </td>
              <td>{w.leadDepartment?.name ?? '—'}</td>
              <td>{formatDate(w.deadline)}</td>
              <td>
                {t('board.plannedReported', { planned: pct(w.plannedPercent), reported: pct(w.reportedPercent) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
