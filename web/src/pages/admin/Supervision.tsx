import { ListSection } from '../../components/ListSection.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { UnitActions } from './UnitActions.js';
import { WarningBoard } from './WarningBoard.js';

/** Supervision board (督办看板): items by warning colour, missing weekly reports, overdue, actions. */
export function Supervision() {
  const { t, lang } = useI18n();

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
        <h2 id="warn-h">{t('board.byWarning')}</h2>
        <WarningBoard testId="warnings" />
      </section>
      <section className="panel" aria-labelledby="miss-h" data-testid="board-missing">
        <h2 id="miss-h">{t('board.missingReports')}</h2>
        <WarningBoard testId="missing" missing />
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
