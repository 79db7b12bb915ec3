import type { State } from '../../../src/lifecycle/lifecycle.js';
import { useI18n } from '../i18n/index.js';

export function StatusBadge({ status, overdue, testId }: { status: State; overdue?: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="badges">
      <span className={`badge status-${status}`} data-testid={testId} data-status={status}>
        {t(`status.${status}`)}
      </span>
      {overdue && (
        <span className="badge badge-overdue" data-testid="overdue-badge">
          {t('problem.overdue')}
        </span>
      )}
    </span>
  );
}

export function ProgressBar({ value }: { value: number | null | undefined }) {
  const { t } = useI18n();
  const v = Math.max(0, Math.min(100, Math.round(value ?? 0)));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-label={t('problem.progress')}
      data-testid="problem-progress"
    >
      <div className="progress-fill" style={{ width: `${v}%` }} />
      <span className="progress-text">{v}%</span>
    </div>
  );
}
