import { useState } from 'react';
import { InlineActions } from '../../components/InlineActions.js';
import { PagedList } from '../../components/PagedList.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { usePagedProblems } from '../../lib/use-paged.js';

const TRIAGE = ['accept', 'reject', 'merge', 'assign'] as const;

/** Acceptance inbox (受理): new and accepted reports, oldest first. */
export function Inbox() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState('submitted,accepted');
  const [q, setQ] = useState('');
  const paged = usePagedProblems({ status, q: q || undefined, sort: 'created_asc', limit: 20 });

  return (
    <div>
      <h1>{t('nav.inbox')}</h1>
      <div className="panel form-inline">
        <Field id="inbox-status" label={t('problem.status')}>
          <select id="inbox-status" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="inbox-status">
            <option value="submitted,accepted">{t('inbox.all')}</option>
            <option value="submitted">{t('status.submitted')}</option>
            <option value="accepted">{t('status.accepted')}</option>
          </select>
        </Field>
        <Field id="inbox-q" label={t('list.search')}>
          <input id="inbox-q" type="search" defaultValue={q} data-testid="inbox-q"
            onKeyDown={(e) => { if (e.key === 'Enter') setQ(e.currentTarget.value.trim()); }}
            onBlur={(e) => setQ(e.currentTarget.value.trim())} />
        </Field>
        <button type="button" className="btn" onClick={paged.reload} data-testid="inbox-refresh">{t('common.refresh')}</button>
      </div>
      <PagedList paged={paged} testId="inbox-list" emptyText={t('inbox.empty')}
        hrefFor={(p) => `/admin/problems/${encodeURIComponent(p.code)}`}
        renderExtra={(p) => user && <InlineActions problem={p} user={user} only={TRIAGE} onChanged={() => undefined} />} />
    </div>
  );
}
