import { getItemSupervision } from '../../../api/supervision.js';
import type { ItemSupervision } from '../../../api/supervision.js';
import type { Problem } from '../../../api/problems.js';
import type { Role } from '../../../api/auth.js';
import { Async } from '../../../components/Async.js';
import { WarningBadge } from '../../../components/WarningBadge.js';
import { useI18n } from '../../../i18n/index.js';
import { formatDate, formatTime, pct } from '../../../lib/format.js';
import { useAsync } from '../../../lib/use-async.js';
import { IssueLetterLink } from '../../../components/IssueLetterLink.js';
import { ActionsLog } from './ActionsLog.js';
import { Extensions } from './Extensions.js';
import { MilestonePlan } from './MilestonePlan.js';

/** States in which an item has a unit, a deadline and so something to supervise. */
const SUPERVISED = ['assigned', 'in_progress', 'long_term', 'rectified', 'verified', 'closed'];

/** Supervision of one item (督办): warning, planned vs reported progress, plan, extensions, actions. */
export function SupervisionPanel({
  problem,
  role,
  version,
  onChanged,
}: {
  problem: Problem;
  role: Role;
  version: unknown;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const state = useAsync((s) => getItemSupervision(problem.code, s), [problem.code, version]);
  if (!SUPERVISED.includes(problem.status)) return null;
  const update = (v: ItemSupervision) => {
    state.setData(v);
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="sup-h" data-testid="supervision-panel">
      <h2 id="sup-h">{t('sup.title')}</h2>
      <Async state={state}>
        {(s) => (
          <>
            <dl className="dl">
              <div className="dl-row">
                <dt>{t('board.warning')}</dt>
                <dd data-testid="item-warning">
                  {s.warning.level === 'none' ? t('warning.none') : <WarningBadge warning={s.warning} />}{' '}
                  <IssueLetterLink code={problem.code} title={problem.title} reasons={s.warning.reasons} />
                </dd>
              </div>
              <div className="dl-row">
                <dt>{t('board.progress')}</dt>
                <dd data-testid="item-progress">
                  {t('board.plannedReported', { planned: pct(s.plannedPercent), reported: pct(s.reportedPercent) })}
                </dd>
              </div>
              {s.originalDeadline && s.originalDeadline !== s.deadline && (
                <div className="dl-row">
                  <dt>{t('field.oldDeadline')}</dt>
                  <dd>{formatDate(s.originalDeadline)}</dd>
                </div>
              )}
              <div className="dl-row">
                <dt>{t('sup.lastReport')}</dt>
                <dd>{formatTime(s.lastReportAt)}</dd>
              </div>
              {s.nextReportDue && (
                <div className="dl-row">
                  <dt>{t('sup.nextReport')}</dt>
                  <dd data-testid="next-report">
                    {formatDate(s.nextReportDue)}
                    {s.missingWeeklyReport && (
                      <span className="badge badge-overdue">{t('reason.missing_weekly_report')}</span>
                    )}
                  </dd>
                </div>
              )}
            </dl>
            <MilestonePlan sup={s} role={role} onChange={update} />
            <Extensions
              sup={s}
              role={role}
              onChanged={() => {
                state.reload();
                onChanged();
              }}
            />
            <ActionsLog code={s.code} actions={s.actions} role={role} onChanged={state.reload} />
          </>
        )}
      </Async>
    </section>
  );
}
