import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { hotApi } from './api.js';
import { HotActions } from './HotActions.js';
import { HotCard } from './HotCard.js';
import { HotFilters, type HotWindow } from './HotFilters.js';
import { useHotT } from './messages.js';
import './hotspots.css';

const PROMOTERS = ['admin', 'supervisor'];

/** The office's clusters (/admin/hotspots): private items included; a supervisor promotes or attaches. */
export default function AdminHotspots() {
  const t = useHotT();
  const { user } = useAuth();
  const [filter, setFilter] = useState<HotWindow>({ days: 30, sort: 'score' });
  const [version, setVersion] = useState(0);
  const list = useAsync((s) => hotApi.clusters({ ...filter, limit: 50 }, s), [filter.days, filter.sort, version]);
  const acts = !!user && PROMOTERS.includes(user.role);
  return (
    <div className="hot-page">
      <h1>{t('hot.adminTitle')}</h1>
      <p className="muted">{t('hot.adminLead')}</p>
      <HotFilters value={filter} onChange={setFilter} />
      <Async state={list} isEmpty={(p) => p.items.length === 0} empty={t('hot.none')}>
        {(p) => (
          <>
            <ol className="card-list ranked" data-testid="hot-admin-list">
              {p.items.map((c) => (
                <HotCard key={c.key} c={c} members={20}>
                  {acts && <HotActions c={c} onDone={() => setVersion((v) => v + 1)} />}
                </HotCard>
              ))}
            </ol>
            <p className="muted small">{t('hot.ms', { ms: p.ms })}</p>
          </>
        )}
      </Async>
    </div>
  );
}
