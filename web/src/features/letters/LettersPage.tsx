import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { useLocation } from '../../router.js';
import { Pager } from '../campaigns/shared.js';
import type { LetterFilter } from './api.js';
import { lettersApi } from './api.js';
import { IssueForm } from './IssueForm.js';
import { LetterCard } from './LetterCard.js';
import { useLetT } from './messages.js';
import './letters.css';

const ISSUERS = ['admin', 'supervisor', 'leader'];
const LIMIT = 20;

/**
 * Letters and summons: the office's list with filters (overdue first of all) and, when opened from
 * an item (?issue=CODE), the form to issue one; a unit sees its own and signs for and answers them.
 */
export default function LettersPage() {
  const t = useLetT();
  const { user } = useAuth();
  const { search } = useLocation();
  const issueCode = search.get('issue');
  const [filter, setFilter] = useState<LetterFilter>({ overdue: search.get('overdue') === '1' || undefined });
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const list = useAsync(
    (s) => lettersApi.list({ ...filter, limit: LIMIT, offset }, s),
    [JSON.stringify(filter), offset, version],
  );
  const set = (patch: Partial<LetterFilter>) => {
    setFilter({ ...filter, ...patch });
    setOffset(0);
  };
  const bump = () => setVersion((v) => v + 1);

  return (
    <div className="letters-page">
      <h1>{t('let.title')}</h1>
      <p className="muted">{t('let.lead')}</p>
      {issueCode && user && ISSUERS.includes(user.role) && (
        <IssueForm
          code={issueCode}
          title={search.get('title') ?? ''}
          reason={search.get('reason') ?? ''}
          onIssued={bump}
        />
      )}
      <fieldset className="letter-filters" data-testid="letter-filters">
        <legend>{t('let.filters')}</legend>
        <Field id="lf-kind" label={t('let.kind')}>
          <select
            id="lf-kind"
            value={filter.kind ?? ''}
            onChange={(e) => set({ kind: (e.target.value || undefined) as LetterFilter['kind'] })}
            data-testid="lf-kind"
          >
            <option value="">{t('let.allKinds')}</option>
            <option value="letter">{t('let.kind.letter')}</option>
            <option value="summons">{t('let.kind.summons')}</option>
          </select>
        </Field>
        <Field id="lf-status" label={t('let.statusLabel')}>
          <select
            id="lf-status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as LetterFilter['status'] })}
            data-testid="lf-status"
          >
            <option value="">{t('let.allStatus')}</option>
            {(['issued', 'acknowledged', 'replied'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`let.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.overdue === true}
            onChange={(e) => set({ overdue: e.target.checked || undefined })}
            data-testid="lf-overdue"
          />{' '}
          {t('let.onlyOverdue')}
        </label>
      </fieldset>
      <Async state={list}>
        {(p) =>
          p.items.length === 0 ? (
            <p className="muted" data-testid="letters-empty">
              {t('let.none')}
            </p>
          ) : (
            <>
              <ul className="card-list" data-testid="letter-list">
                {p.items.map((l) => (
                  <LetterCard key={l.id} letter={l} onChange={bump} />
                ))}
              </ul>
              <Pager total={p.total} limit={LIMIT} offset={offset} onOffset={setOffset} />
            </>
          )
        }
      </Async>
    </div>
  );
}
