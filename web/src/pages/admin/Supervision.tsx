import { ListSection } from '../../components/ListSection.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { useI18n } from '../../i18n/index.js';

/** Supervision board (督办): overdue first, then each stage that needs chasing. */
export function Supervision() {
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('nav.supervision')}</h1>
      <SummaryFigures />
      <div className="board">
        <ListSection title={t('board.overdue')} testId="board-overdue"
          query={{ overdue: true, status: 'assigned,in_progress,long_term', sort: 'deadline_asc' }} />
        <ListSection title={t('board.unsigned')} testId="board-unsigned" query={{ status: 'assigned', sort: 'created_asc' }} />
        <ListSection title={t('board.inProgress')} testId="board-in-progress" query={{ status: 'in_progress', sort: 'deadline_asc' }} />
        <ListSection title={t('board.toVerify')} testId="board-to-verify" query={{ status: 'rectified', sort: 'updated_desc' }} />
        <ListSection title={t('board.longTerm')} testId="board-long-term" query={{ status: 'long_term', sort: 'deadline_asc' }} />
      </div>
    </div>
  );
}
