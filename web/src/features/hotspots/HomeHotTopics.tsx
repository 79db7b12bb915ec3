import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { hotApi } from './api.js';
import { HotCard } from './HotCard.js';
import { useHotT } from './messages.js';
import './hotspots.css';

/** The home page's hot topics (热点问题): the three biggest public clusters of the last 30 days. */
export default function HomeHotTopics({ detail = false }: { detail?: boolean }) {
  const t = useHotT();
  const list = useAsync((s) => hotApi.publicClusters({ days: 30, limit: detail ? 10 : 3 }, s), [detail]);
  if (list.data && list.data.items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="hot-h" data-testid="home-hot-topics">
      <h2 id="hot-h">{t('hot.title')}</h2>
      <Async state={list}>
        {(p) => (
          <ol className="card-list ranked">
            {p.items.map((c) => (
              <HotCard key={c.key} c={c} members={0} />
            ))}
          </ol>
        )}
      </Async>
      <Link to="/hot">{t('hot.more')}</Link>
    </section>
  );
}
