import { useState, type FormEvent } from 'react';
import { getWarnings, LEVELS } from '../../api/supervision.js';
import { Async } from '../../components/Async.js';
import { RefSelect } from '../../components/RefSelect.js';
import { WarningTable } from '../../components/WarningTable.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';

const PAGE = 50;

/**
 * The supervision board's warnings, or its missing weekly reports: filtered by colour, unit, area
 * and a search in the server, a page of 50 at a time, with the true totals (the board used to
 * print every row, 57,000 px tall, and stop silently at 500).
 */
export function WarningBoard({ missing = false, testId }: { missing?: boolean; testId: string }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<'' | (typeof LEVELS)[number]>('');
  const [unit, setUnit] = useState('');
  const [area, setArea] = useState('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const state = useAsync(
    (s) =>
      getWarnings(
        {
          level: level || undefined,
          departmentId: unit ? Number(unit) : undefined,
          areaId: area ? Number(area) : undefined,
          q: q || undefined,
          missing: missing || undefined,
          limit: PAGE,
          offset,
        },
        s,
      ),
    [level, unit, area, q, offset, missing],
  );
  // Any new filter starts again at the first page.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };
  const search = (e: FormEvent) => {
    e.preventDefault();
    change(setQ)(typed.trim());
  };
  const d = state.data;
  const total = d?.total ?? 0;
  const id = (k: string) => `${testId}-${k}`;

  return (
    <div data-testid={testId}>
      <form className="board-filters" onSubmit={search} role="search">
        <div className="field">
          <label htmlFor={id('q')}>{t('board.search')}</label>
          <div className="search-inline">
            <input id={id('q')} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
            <button type="submit" className="btn" data-testid={id('search')}>
              {t('board.searchButton')}
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={id('unit')}>{t('board.unit')}</label>
          <RefSelect kind="departments" id={id('unit')} value={unit} onChange={change(setUnit)} testId={id('unit')} />
        </div>
        <div className="field">
          <label htmlFor={id('area')}>{t('board.area')}</label>
          <RefSelect kind="areas" id={id('area')} value={area} onChange={change(setArea)} testId={id('area')} />
        </div>
      </form>
      <div className="tabs" role="group" aria-label={t('board.warning')}>
        {(['', ...LEVELS] as const).map((l) => (
          <button
            key={l || 'all'}
            type="button"
            className={`tab${level === l ? ' active' : ''}${l ? ` tab-${l}` : ''}`}
            aria-pressed={level === l}
            onClick={() => change(setLevel)(l)}
            data-testid={missing ? `${id('level')}-${l || 'all'}` : `level-${l || 'all'}`}
          >
            {l ? t(`warning.${l}`) : t('common.all')}
            <span className="tab-count" data-testid={missing ? undefined : `level-count-${l || 'all'}`}>
              {d ? (l ? d.counts[l] : LEVELS.reduce((n, x) => n + (d.counts[x] ?? 0), 0)) : '…'}
            </span>
          </button>
        ))}
      </div>
      <Async state={state}>
        {(page) => (
          <>
            <WarningTable
              items={page.items}
              testId={missing ? 'missing-table' : 'warning-table'}
              emptyText={missing ? t('board.noMissing') : t('board.none')}
            />
            {total > 0 && (
              <nav className="pager" aria-label={t('board.pager')}>
                <span data-testid={id('showing')}>
                  {t('board.showing', { from: offset + 1, to: offset + page.items.length, total })}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                  data-testid={id('prev')}
                >
                  {t('common.previous')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={offset + PAGE >= total}
                  onClick={() => setOffset(offset + PAGE)}
                  data-testid={id('next')}
                >
                  {t('common.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </Async>
    </div>
  );
}
