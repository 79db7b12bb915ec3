import type { Brief, ScoreRow } from '../api/supervision.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { percent } from '../lib/format.js';
import { Empty } from './Async.js';

const COLUMNS: [keyof ScoreRow, MessageKey][] = [
  ['composite', 'score.composite'],
  ['responseRate', 'score.response'],
  ['resolutionRate', 'score.resolution'],
  ['satisfactionRate', 'score.satisfaction'],
  ['onTimeRate', 'score.onTime'],
  ['received', 'score.received'],
  ['rectified', 'home.rectified'],
  ['overdueCount', 'score.overdue'],
];

const cell = (k: keyof ScoreRow, v: unknown) =>
  v === null || v === undefined
    ? '—'
    : k === 'composite'
      ? (v as number).toFixed(1)
      : typeof v === 'number' && k.endsWith('Rate')
        ? percent(v)
        : String(v);

/** A month's ranking: rank, unit and the three rates with the composite; unranked rows last. */
export function RankTable({
  rows,
  title,
  testId,
  red = [],
  black = [],
}: {
  rows: ScoreRow[];
  title: string;
  testId: string;
  red?: Brief[];
  black?: Brief[];
}) {
  const { t } = useI18n();
  const redIds = new Set(red.map((r) => r.id));
  const blackIds = new Set(black.map((r) => r.id));
  const sorted = [...rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name));
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {!rows.length ? (
        <Empty />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must take focus to scroll by keyboard
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="table" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t('score.rank')}</th>
                <th scope="col">{t('score.name')}</th>
                {COLUMNS.map(([k, label]) => (
                  <th key={k} scope="col">
                    {t(label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr
                  key={r.id}
                  data-testid="rank-row"
                  className={redIds.has(r.id) ? 'red-list' : blackIds.has(r.id) ? 'black-list' : ''}
                >
                  <td>{r.rank ?? '—'}</td>
                  <th scope="row">
                    {r.name}
                    {redIds.has(r.id) && <span className="badge badge-red-list">{t('score.redList')}</span>}
                    {blackIds.has(r.id) && <span className="badge badge-black-list">{t('score.blackList')}</span>}
                  </th>
                  {COLUMNS.map(([k]) => (
                    <td key={k} data-col={k}>
                      {cell(k, r[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The red (top five) and black (bottom five) lists side by side. */
export function RedBlackLists({ red, black }: { red: Brief[]; black: Brief[] }) {
  const { t } = useI18n();
  const list = (items: Brief[], cls: string, title: string, testId: string) => (
    <section className={`panel ${cls}`} aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {!items.length ? (
        <Empty />
      ) : (
        <ol className="plain-list">
          {items.map((b) => (
            <li key={b.id}>
              <strong>{b.name}</strong> <span className="muted">{b.composite?.toFixed(1) ?? '—'}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <div className="grid-2">
      {list(red, 'list-red', t('score.redList'), 'red-list')}
      {list(black, 'list-black', t('score.blackList'), 'black-list')}
    </div>
  );
}
