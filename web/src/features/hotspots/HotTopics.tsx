import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { hotApi } from './api.js';
import { HotCard } from './HotCard.js';
import { HotFilters, type HotWindow } from './HotFilters.js';
import { useHotT } from './messages.js';
import './hotspots.css';

/** The public hot topics (热点问题): clusters of public items only, nothing about who reported them. */
export default function HotTopics() {
  const t = useHotT();
  const [filter, setFilter] = useState<HotWindow>({ days: 30, sort: 'score' });
  const list = useAsync((s) => hotApi.publicClusters({ ...filter, limit: 30 }, s), [filter.days, filter.sort]);
  return (
    <div className="page hot-page">
      <h1>{t('hot.title')}</h1>
      <p className="lead">{t('hot.lead')}</p>
      <HotFilters value={filter} onChange={setFilter} />
      <Async state={list} isEmpty={(p) => p.items.length === 0} empty={t('hot.none')}>
        {(p) => (
          <ol className="card-list ranked" data-testid="hot-list">
            {p.items.map((c) => (
              <HotCard key={c.key} c={c} />
            ))}
          </ol>
        )}
      </Async>
    </div>
  );
}
