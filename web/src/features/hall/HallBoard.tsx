import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { currentMonth, percent } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { hallApi } from './api.js';
import { CaseTable } from './CaseTable.js';
import { useHallT } from './messages.js';
import { useVocab } from './shared.js';
import './hall.css';

/** The supervisors' view of the hall: overdue and warned cases, bad ratings and their items, the month. */
export default function HallBoard() {
  const t = useHallT();
  const { name } = useVocab();
  const [month, setMonth] = useState(currentMonth());
  const board = useAsync((s) => hallApi.board(s), []);
  const bad = useAsync((s) => hallApi.ratings({ bad: true, limit: 50 }, s), []);
  const m = useAsync((s) => hallApi.month(month, s), [month]);
  const stats = useAsync((s) => hallApi.stats({ from: `${month}-01`, to: `${month}-31` }, s), [month]);
  return (
    <div>
      <h1>{t('board.title')}</h1>
      <section className="panel" data-testid="hall-board">
        <h2>{t('board.overdue')}</h2>
        <Async state={board}>
          {(b) => (
            <>
              <ul className="figures">
                {(['red', 'yellow', 'blue'] as const).map((l) => (
                  <li key={l} className={`figure figure-${l}`}>
                    <span className="figure-n" data-testid={`hall-board-${l}`}>
                      {b.counts[l] ?? 0}
                    </span>
                    <span>{l}</span>
                  </li>
                ))}
              </ul>
              <CaseTable items={b.items.slice(0, 50)} testId="hall-board-table" />
            </>
          )}
        </Async>
      </section>
      <section className="panel">
        <h2>{t('board.bad')}</h2>
        <Async state={bad}>
          {(r) => (
            <div className="table-wrap">
              <table className="table" data-testid="hall-bad-ratings">
                <thead>
                  <tr>
                    <th scope="col">{t('case.number')}</th>
                    <th scope="col">{t('hall.ratings')}</th>
                    <th scope="col">{t('cases.department')}</th>
                    <th scope="col">{t('case.item')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((x) => (
                    <tr key={x.id}>
                      <td>
                        {x.caseNumber ? (
                          <Link to={`/admin/hall/cases/${encodeURIComponent(x.caseNumber)}`}>{x.caseNumber}</Link>
                        ) : (
                          x.window
                        )}
                        <div className="muted small">{x.ratedOn}</div>
                      </td>
                      <td>
                        {name('ratingLevels', String(x.level))}
                        <div className="muted small">{x.reasons.map((c) => name('ratingReasons', c)).join('、')}</div>
                      </td>
                      <td>{x.department?.name ?? '—'}</td>
                      <td>
                        {x.problemCode && <Link to={`/admin/problems/${x.problemCode}`}>{x.problemCode}</Link>}
                        <div className="muted small">
                          {x.problemStatus} · {x.problemDeadline}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      </section>
      <section className="panel" aria-labelledby="hall-month-h">
        <div className="section-head">
          <h2 id="hall-month-h">{t('board.month')}</h2>
          <Field id="hall-month" label={t('case.decided')}>
            <input
              id="hall-month"
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
              data-testid="hall-month"
            />
          </Field>
        </div>
        <Async state={m}>
          {(x) => (
            <>
              <p className="muted" data-testid="hall-month-state">
                {x.settled ? t('board.settled') : t('board.live')}
              </p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table takes focus to scroll */}
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="hall-month-h">
                <table className="table" data-testid="hall-month-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.department')}</th>
                      <th scope="col">{t('board.month.cases')}</th>
                      <th scope="col">{t('board.month.onTime')}</th>
                      <th scope="col">{t('board.month.days')}</th>
                      <th scope="col">{t('board.month.notice')}</th>
                      <th scope="col">{t('board.month.bad')}</th>
                      <th scope="col">{t('board.month.rectified')}</th>
                      <th scope="col">{t('board.month.rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {x.departments.map((d) => (
                      <tr key={d.id} data-testid={`hall-month-dept-${d.id}`}>
                        <th scope="row">{d.name}</th>
                        <td>{d.cases}</td>
                        <td>{percent(d.onTimeRate)}</td>
                        <td>
                          {d.meanWorkingDays ?? '—'} / {d.meanPromisedDays ?? '—'}
                        </td>
                        <td>{percent(d.noticeRate)}</td>
                        <td data-testid="month-bad">{d.ratings.bad}</td>
                        <td data-testid="month-rectified">{d.ratings.badRectified}</td>
                        <td data-testid="month-rate">{percent(d.ratings.rectificationRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Async>
        <Async state={stats}>
          {(s) => (
            <div className="grid-3">
              {(
                [
                  ['stats.byMatter', s.byMatter],
                  ['stats.byWindow', s.byWindow],
                  ['stats.byClerk', s.byClerk],
                ] as const
              ).map(([k, rows]) => (
                <div key={k}>
                  <h3>{t(k)}</h3>
                  <ol className="plain-list">
                    {rows.slice(0, 8).map((r) => (
                      <li key={r.key}>
                        {r.name} · {r.count}
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
            </div>
          )}
        </Async>
      </section>
    </div>
  );
}
