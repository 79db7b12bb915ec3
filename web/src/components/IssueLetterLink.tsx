import { useI18n, type MessageKey } from '../i18n/index.js';
import { useAuth } from '../lib/auth.js';
import { Link, withQuery } from '../router.js';

const ISSUERS = ['admin', 'supervisor', 'leader'];

/**
 * From an item or a board row to the letters page's issue form, with the item's warning reasons
 * (overdue, missed milestone …) as the letter's reason. Only for those who issue letters.
 */
export function IssueLetterLink({ code, title, reasons }: { code: string; title: string; reasons: string[] }) {
  const { t, join } = useI18n();
  const { user } = useAuth();
  if (!user || !ISSUERS.includes(user.role)) return null;
  const reason = join(reasons.map((r) => t(`reason.${r}` as MessageKey)));
  return (
    <Link
      to={withQuery('/admin/letters', { issue: code, title, reason })}
      className="link-button"
      aria-label={t('letters.issueFor', { title })}
      data-testid="issue-letter-link"
    >
      {t('letters.issue')}
    </Link>
  );
}
