import type { RefKind } from '../../api/reference.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { Link, useLocation } from '../../router.js';
import { ApiKeysEditor } from './ApiKeysEditor.js';
import { RefEditor } from './RefEditor.js';
import { UsersEditor } from './UsersEditor.js';
import { CalendarEditor } from './CalendarEditor.js';
import { QuestionsEditor } from './QuestionsEditor.js';
import { TimeLimitsEditor } from './TimeLimitsEditor.js';

type Tab = RefKind | 'questions' | 'time-limits' | 'calendar' | 'users' | 'api-keys';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'areas', label: 'settings.areas' },
  { id: 'departments', label: 'settings.departments' },
  { id: 'categories', label: 'settings.categories' },
  { id: 'questions', label: 'settings.questions' },
  { id: 'time-limits', label: 'settings.timeLimits' },
  { id: 'calendar', label: 'settings.calendar' },
  { id: 'sources', label: 'settings.sources' },
  { id: 'tags', label: 'settings.tags' },
  { id: 'users', label: 'settings.users' },
  { id: 'api-keys', label: 'settings.apiKeys' },
];

/**
 * Administrator settings: reference data, questions, time limits, calendar, users and API keys
 * (tab kept in the URL).
 */
export function Settings() {
  const { t } = useI18n();
  const { search } = useLocation();
  const tab = TABS.find((x) => x.id === search.get('tab'))?.id ?? 'areas';
  return (
    <div>
      <h1>{t('nav.settings')}</h1>
      <nav className="tabs" aria-label={t('nav.settings')}>
        {TABS.map((x) => (
          <Link
            key={x.id}
            to={`/admin/settings?tab=${x.id}`}
            className={`tab${tab === x.id ? ' active' : ''}`}
            aria-current={tab === x.id ? 'page' : undefined}
            data-testid={`settings-tab-${x.id}`}
          >
            {t(x.label)}
          </Link>
        ))}
      </nav>
      {tab === 'users' ? (
        <UsersEditor />
      ) : tab === 'api-keys' ? (
        <ApiKeysEditor />
      ) : tab === 'questions' ? (
        <QuestionsEditor />
      ) : tab === 'time-limits' ? (
        <TimeLimitsEditor />
      ) : tab === 'calendar' ? (
        <CalendarEditor />
      ) : (
        <RefEditor key={tab} kind={tab} />
      )}
    </div>
  );
}
