import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { percent } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate, withQuery } from '../../router.js';
import { hallApi } from './api.js';
import { useHallT } from './messages.js';
import { useVocab, yuan } from './shared.js';
import './hall.css';

/** The hall's public page: its figures (as the lists count them), the guide's search and ways in. */
export default function HallHome() {
  const t = useHallT();
  const figures = useAsync((s) => hallApi.figures(s), []);
  const ways = useAsync((s) => hallApi.waysIn(s), []);
  const { name } = useVocab();
  const [q, setQ] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/hall/guide', { q: q.trim() }));
  };
  return (
    <div className="page">
      <h1>{t('hall.title')}</h1>
      <Async state={figures}>
        {(f) => (
          <>
            <p className="lead">{t('hall.lead', { matters: f.matters, departments: f.departments })}</p>
            <ul className="figures" data-testid="hall-figures">
              {(
                [
                  ['hall.matters', f.matters, 'matters'],
                  ['hall.departments', f.departments, 'departments'],
                  ['hall.cases', f.stats.totals.cases, 'cases'],
                  ['hall.onTime', percent(f.stats.totals.onTimeRate), 'on-time'],
                  ['hall.noticeRate', percent(f.stats.totals.noticeRate), 'notice-rate'],
                  ['hall.saved', t('hall.yuan', { n: yuan(f.savedThisYearFen) }), 'saved'],
                ] as const
              ).map(([k, v, id]) => (
                <li key={id} className="figure">
                  <span className="figure-n" data-testid={`hall-${id}`}>
                    {v}
                  </span>
                  <span>{t(k)}</span>
                </li>
              ))}
            </ul>
            <section className="panel" aria-labelledby="hall-ratings-h">
              <h2 id="hall-ratings-h">
                {t('hall.ratings')}：{t('hall.satisfaction')}{' '}
                {percent(f.stats.ratings.total ? f.stats.ratings.satisfied / f.stats.ratings.total : null)} ·{' '}
                {t('hall.badRectified')} {percent(f.stats.ratings.rectificationRate)}
              </h2>
              <ul className="hall-bars" data-testid="hall-ratings">
                {['5', '4', '3', '2', '1'].map((l) => {
                  const n = f.stats.ratings.distribution[l] ?? 0;
                  const max = Math.max(1, ...Object.values(f.stats.ratings.distribution));
                  return (
                    <li key={l}>
                      <span>{name('ratingLevels', l)}</span>
                      <span className="hall-bar" style={{ width: `${(n / max) * 100}%` }} />
                      <span data-testid={`hall-rating-${l}`}>{n}</span>
                    </li>
                  );
                })}
              </ul>
            </section>
          </>
        )}
      </Async>
      <form className="panel" onSubmit={search} role="search">
        <label htmlFor="hall-q">
          <h2>{t('hall.search')}</h2>
        </label>
        <div className="hall-search">
          <input
            id="hall-q"
            value={q}
            placeholder={t('hall.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="hall-q"
          />
          <button type="submit" className="btn btn-primary" data-testid="hall-search">
            {t('hall.searchGo')}
          </button>
          <Link to="/hall/case" className="btn">
            {t('hall.track')}
          </Link>
        </div>
      </form>
      <Async state={ways}>
        {(w) => (
          <div className="two-col">
            <section className="panel">
              <h2>{t('hall.byEvent')}</h2>
              <ul className="hall-chips" data-testid="hall-events">
                {w.items
                  .filter((e) => e.matters > 0)
                  .map((e) => (
                    <li key={e.code}>
                      <Link to={withQuery('/hall/guide', { lifeEvent: e.code })}>
                        {name('lifeEvents', e.code)} · {e.matters}
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
            <section className="panel">
              <h2>{t('hall.byDepartment')}</h2>
              <ul className="hall-chips" data-testid="hall-departments">
                {w.departments.map((d) => (
                  <li key={d.id}>
                    <Link to={withQuery('/hall/guide', { departmentId: d.id })}>
                      {d.name} · {d.matters}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        )}
      </Async>
    </div>
  );
}
