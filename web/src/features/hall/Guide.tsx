import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate, useLocation, withQuery } from '../../router.js';
import { hallApi } from './api.js';
import { useHallT } from './messages.js';
import { Days, useVocab, yuan } from './shared.js';
import './hall.css';

const PAGE = 20;

/** The service guide (办事指南): published matters searched in Chinese, by department or life event. */
export default function Guide() {
  const t = useHallT();
  const { search } = useLocation();
  const { name } = useVocab();
  const q = search.get('q') ?? '';
  const lifeEvent = search.get('lifeEvent') ?? '';
  const departmentId = Number(search.get('departmentId') ?? '') || undefined;
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const list = useAsync(
    (s) =>
      hallApi.matters(
        { q: q || undefined, lifeEvent: (lifeEvent || undefined) as never, departmentId, limit: PAGE, offset },
        s,
      ),
    [q, lifeEvent, departmentId, offset],
  );
  const ways = useAsync((s) => hallApi.waysIn(s), []);
  const go = (over: Record<string, string | number | undefined>) =>
    navigate(withQuery('/hall/guide', { q, lifeEvent, departmentId, ...over }), { keepScroll: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim(), offset: undefined });
  };
  return (
    <div className="page">
      <h1>{t('guide.title')}</h1>
      <form className="hall-search panel" onSubmit={submit} role="search">
        <label htmlFor="guide-q" className="visually-hidden">
          {t('hall.search')}
        </label>
        <input
          id="guide-q"
          value={text}
          placeholder={t('hall.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="guide-q"
        />
        <button type="submit" className="btn btn-primary" data-testid="guide-search">
          {t('hall.searchGo')}
        </button>
      </form>
      <Async state={ways}>
        {(w) => (
          <nav aria-label={t('hall.byEvent')}>
            <ul className="hall-chips">
              <li>
                <button
                  type="button"
                  className={!lifeEvent ? 'active' : ''}
                  onClick={() => go({ lifeEvent: undefined, offset: undefined })}
                >
                  {t('hall.all')}
                </button>
              </li>
              {w.items
                .filter((e) => e.matters > 0)
                .map((e) => (
                  <li key={e.code}>
                    <button
                      type="button"
                      className={lifeEvent === e.code ? 'active' : ''}
                      aria-pressed={lifeEvent === e.code}
                      onClick={() => go({ lifeEvent: e.code, offset: undefined })}
                    >
                      {name('lifeEvents', e.code)}
                    </button>
                  </li>
                ))}
            </ul>
            <label htmlFor="guide-dept" className="visually-hidden">
              {t('hall.byDepartment')}
            </label>
            <select
              id="guide-dept"
              value={departmentId ?? ''}
              onChange={(e) => go({ departmentId: e.target.value || undefined, offset: undefined })}
              data-testid="guide-dept"
            >
              <option value="">{t('hall.byDepartment')}</option>
              {w.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}（{d.matters}）
                </option>
              ))}
            </select>
          </nav>
        )}
      </Async>
      <Async state={list}>
        {(page) => (
          <>
            <p className="muted" data-testid="guide-total">
              {t('hall.found', { n: page.total })}
            </p>
            <ul className="hall-matter-list" data-testid="guide-list">
              {page.items.map((m) => (
                <li key={m.code}>
                  <Link to={`/hall/guide/${encodeURIComponent(m.code)}`} data-testid="guide-item">
                    <strong>{m.name}</strong>
                  </Link>
                  <div className="hall-meta">
                    <span>{m.department.name}</span>
                    <span>
                      {t('guide.promised')} <Days n={m.promisedDays} />
                    </span>
                    <span>{m.feeFen ? `${t('guide.fee')} ${yuan(m.feeFen)}` : t('guide.free')}</span>
                    {m.atMostOnce && <span className="badge">{t('guide.atMostOnce')}</span>}
                    <span>{name('serviceModes', m.serviceMode)}</span>
                  </div>
                </li>
              ))}
            </ul>
            <div className="button-row">
              {offset > 0 && (
                <button type="button" className="btn" onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>
                  ←
                </button>
              )}
              {page.nextOffset !== null && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => go({ offset: page.nextOffset! })}
                  data-testid="guide-next"
                >
                  {t('hall.more')} →
                </button>
              )}
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
