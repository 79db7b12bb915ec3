import type { Warning } from '../api/supervision.js';
import { useI18n, type MessageKey } from '../i18n/index.js';

/** The warning colour as a word as well as a colour, so it reads without colour vision. */
export function WarningBadge({ warning, testId = 'warning-badge' }: { warning: Warning; testId?: string }) {
  const { t, join } = useI18n();
  if (warning.level === 'none') return null;
  const reasons = join(warning.reasons.map((r) => t(`reason.${r}` as MessageKey)));
  return (
    <span className={`badge warning-${warning.level}`} data-testid={testId} data-level={warning.level} title={reasons}>
      {t(`warning.${warning.level}` as MessageKey)}
      {reasons && <span className="visually-hidden">{t('common.withDetail', { text: '', detail: reasons })}</span>}
    </span>
  );
}
