import { ListSection } from '../../components/ListSection.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';

/** Leader view (领导视图): the big numbers, units compared, items I own (领办), overdue items. */
export function Leader() {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <div>
      <h1>{t('nav.leader')}</h1>
      <SummaryFigures byDepartment />
      <div className="board">
        {user?.role === 'leader' && (
          <ListSection title={t('leader.mine')} testId="leader-mine" emptyText={t('leader.mineEmpty')}
            query={{ ownerLeaderId: user.id, status: 'accepted,assigned,in_progress,long_term,rectified', sort: 'deadline_asc' }} />
        )}
        <ListSection title={t('board.overdue')} testId="leader-overdue"
          query={{ overdue: true, status: 'assigned,in_progress,long_term', sort: 'deadline_asc' }} />
        <ListSection title={t('board.recentlyRectified')} testId="leader-rectified"
          query={{ status: 'rectified,verified,closed', sort: 'updated_desc' }} />
      </div>
    </div>
  );
}
