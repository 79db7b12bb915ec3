import { useState, type FormEvent } from 'react';
import { performAction } from '../../api/problems.js';
import { getTodo, type TodoKind } from '../../api/supervision.js';
import { Async, useErrorText } from '../../components/Async.js';
import { WarningBadge } from '../../components/WarningBadge.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';

const KINDS: TodoKind[] = ['sign', 'plan', 'report', 'rectify'];
const PAGE = 20;

/** A unit's to-do first: sign for, make a plan, weekly report due, rectify — counted, searchable, paged. */
export function TodoPanel({ departmentId }: { departmentId?: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [kind, setKind] = useState<TodoKind>('sign');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [msg, setMsg] = useState('');
  const state = useAsync(
    (s) => getTodo({ kind, departmentId, q: q || undefined, limit: PAGE, offset }, s),
    [kind, departmentId, q, offset],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
    setOffset(0);
  };
  const sign = async (code: string) => {
    setMsg('');
    try {
      await performAction(code, 'sign', {});
      setMsg(t('todo.signed', { code }));
      state.reload();
    } catch (e) {
      setMsg(errorText(e));
    }
  };
  const d = state.data;

  return (
    <section className="panel" aria-labelledby="todo-h" data-testid="todo">
      <h2 id="todo-h">{t('todo.title')}</h2>
      <div className="tabs" role="group" aria-label={t('todo.title')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={`tab${kind === k ? ' active' : ''}`}
            aria-pressed={kind === k}
            onClick={() => {
              setKind(k);
              setOffset(0);
            }}
            data-testid={`todo-${k}`}
          >
            {t(`todo.${k}` as MessageKey)}
            <span className="tab-count" data-testid={`todo-count-${k}`}>
              {d ? d.counts[k] : '…'}
            </span>
          </button>
        ))}
      </div>
      <form className="search-inline todo-search" onSubmit={search} role="search">
        <label htmlFor="todo-q" className="visually-hidden">
          {t('board.search')}
        </label>
        <input
          id="todo-q"
          type="search"
          placeholder={t('board.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="todo-q"
        />
        <button type="submit" className="btn" data-testid="todo-search">
          {t('board.searchButton')}
        </button>
      </form>
      {msg && (
        <p className="state state-ok" role="status" data-testid="todo-message">
          {msg}
        </p>
      )}
      <Async state={state} isEmpty={(p) => p.items.length === 0} empty={t('todo.empty')}>
        {(p) => (
          <>
            <ul className="todo-list" data-testid="todo-list">
              {p.items.map((w) => (
                <li key={w.code} className="todo-row" data-testid="todo-row" data-code={w.code}>
                  <div>
                    <Link to={`/admin/problems/${encodeURIComponent(w.code)}`}>{w.title}</Link>
                    <div className="muted small">
                      {w.code} · {w.leadDepartment?.name ?? '—'} · {t('problem.deadline')} {formatDate(w.deadline)}
                    </div>
                  </div>
                  <WarningBadge warning={w.warning} />
                  {kind === 'sign' ? (
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      onClick={() => void sign(w.code)}
                      data-testid="todo-sign"
                    >
                      {t('todo.signButton')}
                    </button>
                  ) : (
                    <Link className="btn btn-small" to={`/admin/problems/${encodeURIComponent(w.code)}`}>
                      {t(`todo.${kind}Button` as MessageKey)}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            {p.total > PAGE && (
              <nav className="pager" aria-label={t('board.pager')}>
                <span>{t('board.showing', { from: offset + 1, to: offset + p.items.length, total: p.total })}</span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  {t('common.previous')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset + PAGE >= p.total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  {t('common.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
