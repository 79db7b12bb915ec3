import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { hallApi } from './api.js';
import { CaseTable } from './CaseTable.js';
import { useHallT } from './messages.js';
import './hall.css';

const TABS = [
  ['accepted', 'accepted'],
  ['reviewing', 'reviewing'],
  ['supplement', 'supplement'],
  ['approved,refused', 'approved'],
  ['incomplete', 'incomplete'],
  ['issued', 'issued'],
] as const;

/** The back office's queue (department staff see their department's cases) and every case for the others. */
export default function Cases() {
  const t = useHallT();
  const { user } = useAuth();
  const [status, setStatus] = useState<string>(user?.role === 'department' ? 'accepted' : '');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useAsync(
    (s) => hallApi.cases({ status: status || undefined, q: q.trim() || undefined, limit: 30, offset }, s),
    [status, q, offset],
  );
  return (
    <div>
      <h1>{user?.role === 'department' ? t('cases.review') : t('cases.title')}</h1>
      <div className="tabs" role="group" aria-label={t('case.status')}>
        <button
          type="button"
          className={`tab${!status ? ' active' : ''}`}
          aria-pressed={!status}
          onClick={() => setStatus('')}
        >
          {t('hall.all')}
        </button>
        {TABS.map(([value, key]) => (
          <button
            key={value}
            type="button"
            className={`tab${status === value ? ' active' : ''}`}
            aria-pressed={status === value}
            onClick={() => {
              setStatus(value);
              setOffset(0);
            }}
            data-testid={`cases-tab-${key}`}
          >
            {t(`state.${key}`)}
          </button>
        ))}
      </div>
      <div className="panel form-inline">
        <Field id="cases-q" label={`${t('case.number')} / ${t('cases.applicant')}`}>
          <input id="cases-q" value={q} onChange={(e) => setQ(e.target.value)} data-testid="cases-q" />
        </Field>
      </div>
      <Async state={list}>
        {(p) => (
          <>
            <p className="muted" data-testid="cases-total">
              {p.total}
            </p>
            <CaseTable items={p.items} testId="cases-table" />
            <div className="button-row">
              {offset > 0 && (
                <button type="button" className="btn" onClick={() => setOffset(Math.max(0, offset - 30))}>
                  ←
                </button>
              )}
              {p.nextOffset !== null && (
                <button type="button" className="btn" onClick={() => setOffset(p.nextOffset!)}>
                  →
                </button>
              )}
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
