import { useState } from 'react';
import { getWarnings } from '../../api/supervision.js';
import { LEVELS } from '../../api/supervision.js';
import { Async } from '../../components/Async.js';
import { ListSection } from '../../components/ListSection.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { WarningTable } from '../../components/WarningTable.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { UnitActions } from './UnitActions.js';

/** Supervision board (督办看板): items by warning colour, missing weekly reports, overdue, actions. */
export function Supervision() {
  const { t, lang } = useI18n();
  const [level, setLevel] = useState<'' | (typeof LEVELS)[number]>('');
  const all = useAsync((s) => getWarnings({}, s), []);
  const items = (all.data?.items ?? []).filter((i) => !level || i.warning.level === level);

  return (
    <div>
      <div className="section-head">
        <h1>{t('nav.supervision')}</h1>
        <Link to="/admin/settlement" className="btn" data-testid="to-settlement">
          {t('nav.settlement')}
        </Link>
        <Link to="/admin/hall/board" className="btn" data-testid="to-hall-board">
          {lang === 'en' ? 'Service hall' : '办事大厅'}
        </Link>
      </div>
      <SummaryFigures />
      <section className="panel" aria-labelledby="warn-h" data-testid="board-warnings">
        <div className="section-head">
          <h2 id="warn-h">{t('board.byWarning')}</h2>
          <button type="button" className="btn btn-small btn-ghost" onClick={all.reload}>
            {t('common.refresh')}
          </button>
        </div>
        <div className="tabs" role="group" aria-label={t('board.warning')}>
          {(['', ...LEVELS] as const).map((l) => (
            <button
              key={l || 'all'}
              type="button"
              className={`tab${level === l ? ' active' : ''}${l ? ` tab-${l}` : ''}`}
              aria-pressed={level === l}
              onClick={() => setLevel(l)}
              data-testid={`level-${l || 'all'}`}
            >
              {l ? t(`warning.${l}`) : t('common.all')}
              <span className="tab-count" data-testid={`level-count-${l || 'all'}`}>
                {l ? (all.data?.counts[l] ?? 0) : (all.data?.items.length ?? 0)}
              </span>
            </button>
          ))}
        </div>
        <Async state={all}>
          {() => <WarningTable items={items} testId="warning-table" emptyText={t('board.noWarnings')} />}
        </Async>
      </section>
      <section className="panel" aria-labelledby="miss-h" data-testid="board-missing">
        <h2 id="miss-h">{t('board.missingReports')}</h2>
        <Async state={all}>
          {(d) => (
            <WarningTable
              items={d.items.filter((i) => i.missingWeeklyReport)}
              testId="missing-table"
              emptyText={t('workspace.noMissing')}
            />
          )}
        </Async>
      </section>
      <div className="board">
        <ListSection
          title={t('board.overdue')}
          testId="board-overdue"
          query={{ overdue: true, status: 'assigned,in_progress,long_term', sort: 'deadline_asc' }}
        />
        <ListSection
          title={t('board.unsigned')}
          testId="board-unsigned"
          query={{ status: 'assigned', sort: 'created_asc' }}
        />
        <ListSection
          title={t('board.toVerify')}
          testId="board-to-verify"
          query={{ status: 'rectified', sort: 'updated_desc' }}
        />
      </div>
      <UnitActions />
    </div>
  );
}
