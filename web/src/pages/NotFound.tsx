import { useI18n } from '../i18n/index.js';
import { Link } from '../router.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="page-not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </div>
  );
}
