import { useState } from 'react';
import { listRef } from '../../api/reference.js';
import { getDispatchMany } from '../../api/dispatch.js';
import { getDuplicateInbox, getIntakeClock } from '../../api/supervision.js';
import { formatTime } from '../../lib/format.js';
import { InlineActions } from '../../components/InlineActions.js';
import { PagedList } from '../../components/PagedList.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { usePagedProblems } from '../../lib/use-paged.js';
import { hintDefaults, hintsFor, InboxHints } from './InboxHints.js';

const TRIAGE = ['accept', 'reject', 'merge', 'assign'] as const;
const SORTS = ['created_asc', 'created_desc', 'updated_desc'] as const;

/**
 * Acceptance inbox (受理): new and accepted reports (oldest first unless sorted otherwise), each with its
 * dispatch limit and a flag once past it, triage hints and quick actions.
 */
export function Inbox() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState('submitted,accepted');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('created_asc');
  const paged = usePagedProblems({ status, q: q || undefined, sort, limit: 20 });
  const codes = paged.items.map((p) => p.code).join(',');
  // When each report on the page must be dispatched, and how many are past it in all.
  const clock = useAsync((s) => getIntakeClock(codes, s), [codes]);
  const late = new Map(clock.data?.items.map((i) => [i.code, i]) ?? []);
  const refs = useAsync(() => Promise.all([listRef('categories'), listRef('departments')]), []);
  const dups = useAsync((s) => getDuplicateInbox(s).catch(() => new Map()), [paged.items.length]);
  const untriaged = paged.items.filter((p) => !p.category).map((p) => p.code);
  const learned = useAsync((s) => getDispatchMany(untriaged, s), [untriaged.join(',')]);

  return (
    <div>
      <h1>{t('nav.inbox')}</h1>
      <p className="muted">{t('inbox.lead')}</p>
      <div className="panel form-inline">
        <Field id="inbox-status" label={t('problem.status')}>
          <select
            id="inbox-status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            data-testid="inbox-status"
          >
            <option value="submitted,accepted">{t('inbox.all')}</option>
            <option value="submitted">{t('status.submitted')}</option>
            <option value="accepted">{t('status.accepted')}</option>
          </select>
        </Field>
        <Field id="inbox-q" label={t('list.search')}>
          <input
            id="inbox-q"
            type="search"
            defaultValue={q}
            data-testid="inbox-q"
            onKeyDown={(e) => {
              if (e.key === 'Enter') setQ(e.currentTarget.value.trim());
            }}
            onBlur={(e) => setQ(e.currentTarget.value.trim())}
          />
        </Field>
        <Field id="inbox-sort" label={t('inbox.sort')}>
          <select
            id="inbox-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as (typeof SORTS)[number])}
            data-testid="inbox-sort"
          >
            {SORTS.map((k) => (
              <option key={k} value={k}>
                {t(`inbox.sort.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="button" className="btn" onClick={paged.reload} data-testid="inbox-refresh">
          {t('common.refresh')}
        </button>
      </div>
      {clock.data && (
        <p className={clock.data.overdue ? 'state state-error' : 'muted'} data-testid="inbox-overdue">
          {t('inbox.overdueCount', { overdue: clock.data.overdue, waiting: clock.data.waiting })}
        </p>
      )}
      <PagedList
        paged={paged}
        testId="inbox-list"
        emptyText={t('inbox.empty')}
        hrefFor={(p) => `/admin/problems/${encodeURIComponent(p.code)}`}
        renderExtra={(p) => {
          const [cats, depts] = refs.data ?? [[], []];
          const hints = hintsFor(p, cats, dups.data?.get(p.code), learned.data?.get(p.code));
          const due = late.get(p.code);
          return (
            <>
              {due && (
                <p className="small">
                  {due.overdue ? (
                    <span className="badge badge-overdue" data-testid="inbox-late">
                      {t('inbox.late', { at: formatTime(due.dispatchBy) })}
                    </span>
                  ) : (
                    <span className="muted">{t('inbox.dispatchBy', { at: formatTime(due.dispatchBy) })}</span>
                  )}
                </p>
              )}
              <InboxHints problem={p} hints={hints} departments={depts} />
              {user && (
                <InlineActions
                  problem={p}
                  user={user}
                  only={TRIAGE}
                  defaults={hintDefaults(hints)}
                  onChanged={paged.reload}
                />
              )}
            </>
          );
        }}
      />
    </div>
  );
}
