import { listProblems } from '../../api/problems.js';
import { Async } from '../../components/Async.js';
import { ListSection } from '../../components/ListSection.js';
import { ProblemCard } from '../../components/ProblemCard.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';

/** Leader view (领导驾驶舱): the big numbers, units compared, overdue items, and items I own (领办). */
export function Leader() {
  const { t } = useI18n();
  const { user } = useAuth();
  // The list API has no owner filter yet: scan the most recent open items for mine.
  const mine = useAsync(async (s) => {
    const page = await listProblems({ status: 'assigned,in_progress,long_term,rectified', sort: 'deadline_asc', limit: 100 }, s);
    return page.items.filter((p) => p.ownerLeader?.id === user?.id);
  }, [user?.id]);

  return (
    <div>
      <h1>{t('nav.leader')}</h1>
      <SummaryFigures byDepartment />
      {user?.role === 'leader' && (
        <section className="panel" aria-label={t('leader.mine')} data-testid="leader-mine">
          <h2>{t('leader.mine')}</h2>
          <Async state={mine} isEmpty={(d) => d.length === 0} empty={t('leader.mineEmpty')}>
            {(d) => (
              <ul className="card-list">
                {d.map((p) => <ProblemCard key={p.code} problem={p} href={`/admin/problems/${encodeURIComponent(p.code)}`} />)}
              </ul>
            )}
          </Async>
        </section>
      )}
      <div className="board">
        <ListSection title={t('board.overdue')} testId="leader-overdue"
          query={{ overdue: true, status: 'assigned,in_progress,long_term', sort: 'deadline_asc' }} />
        <ListSection title={t('board.recentlyRectified')} testId="leader-rectified"
          query={{ status: 'rectified,verified,closed', sort: 'updated_desc' }} />
      </div>
    </div>
  );
}
