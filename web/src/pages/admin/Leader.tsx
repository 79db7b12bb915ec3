import { useState } from 'react';
import { getLeaderItems, listLeaders } from '../../api/supervision.js';
import { LEVELS } from '../../api/supervision.js';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { ListSection } from '../../components/ListSection.js';
import { SummaryFigures } from '../../components/SummaryFigures.js';
import { WarningTable } from '../../components/WarningTable.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';

/** Leader view (领导视图): the items a leader owns (领办) with their warnings, and the city's figures. */
export function Leader() {
  const { t } = useI18n();
  const { user } = useAuth();
  const isLeader = user?.role === 'leader';
  const leaders = useAsync(() => (isLeader ? Promise.resolve([]) : listLeaders()), [isLeader]);
  const [picked, setPicked] = useState('');
  const leaderId = isLeader ? undefined : Number(picked || leaders.data?.[0]?.id || 0) || undefined;
  const owned = useAsync(
    (s) => (isLeader || leaderId ? getLeaderItems(leaderId, s) : Promise.resolve(null)),
    [isLeader, leaderId],
  );

  return (
    <div>
      <h1>{t('nav.leader')}</h1>
      <section className="panel" aria-labelledby="mine-h" data-testid="leader-mine">
        <h2 id="mine-h">{isLeader ? t('leader.mine') : t('leader.owned')}</h2>
        {!isLeader && (
          <Field id="leader-pick" label={t('field.ownerLeaderId')}>
            <select
              id="leader-pick"
              value={picked || String(leaderId ?? '')}
              onChange={(e) => setPicked(e.target.value)}
              data-testid="leader-pick"
            >
              {(leaders.data ?? []).map((l) => (
                <option key={l.id} value={String(l.id)}>
                  {l.displayName}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Async state={owned}>
          {(d) =>
            d && (
              <>
                <ul className="figures">
                  {LEVELS.map((l) => (
                    <li key={l} className={`figure figure-${l}`}>
                      <span className="figure-n" data-testid={`leader-count-${l}`}>
                        {d.counts[l] ?? 0}
                      </span>
                      <span>{t(`warning.${l}`)}</span>
                    </li>
                  ))}
                  <li className="figure">
                    <span className="figure-n" data-testid="leader-count-all">
                      {d.items.length}
                    </span>
                    <span>{t('leader.ownedCount')}</span>
                  </li>
                </ul>
                <WarningTable items={d.items} testId="leader-items" emptyText={t('leader.mineEmpty')} />
              </>
            )
          }
        </Async>
      </section>
      <SummaryFigures byDepartment />
      <div className="board">
        <ListSection
          title={t('board.overdue')}
          testId="leader-overdue"
          query={{ overdue: true, status: 'assigned,in_progress,long_term', sort: 'deadline_asc' }}
        />
        <ListSection
          title={t('board.recentlyRectified')}
          testId="leader-rectified"
          query={{ status: 'rectified,verified,closed', sort: 'updated_desc' }}
        />
      </div>
    </div>
  );
}
