import { useState } from 'react';
import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import FiguresBox from './FiguresBox.js';
import { useCmpT } from './messages.js';
import { useMoreT } from './more-messages.js';
import { ProgrammeSummary } from './ProgrammeView.js';
import { Bar, Pager } from './shared.js';

/** The public page: the visits' figures and every public campaign with its roll-up. */
export default function CampaignsPublic() {
  const t = useCmpT();
  const [offset, setOffset] = useState(0);
  const list = useAsync((s) => campaignsApi.campaigns({ limit: 12, offset }, s), [offset]);
  return (
    <div className="page">
      <h1>{t('cmp.title')}</h1>
      <p className="lead">{t('cmp.lead')}</p>
      <FiguresBox detail />
      <Async state={list} isEmpty={(p) => p.total === 0}>
        {(p) => (
          <>
            <div className="cmp-cards" data-testid="campaign-cards">
              {p.items.map((c) => (
                <Link key={c.id} to={`/campaigns/${c.id}`} className="cmp-card" data-testid="campaign-card">
                  <h2>{c.name}</h2>
                  <Bar percent={c.progressPercent} />
                  <p className="muted">
                    {t('cmp.plans')} {c.plansDone}/{c.plans} · {c.departmentName} · {c.deadline}
                  </p>
                  {c.accepted && <p className="badge">{t('cmp.accepted')}</p>}
                </Link>
              ))}
            </div>
            <Pager total={p.total} limit={p.limit} offset={p.offset} onOffset={setOffset} />
          </>
        )}
      </Async>
      <Programmes />
    </div>
  );
}

/** Public programmes, each linked to its item's page, where its parts and sub-projects are shown. */
function Programmes() {
  const t = useMoreT();
  const list = useAsync((s) => campaignsApi.programmes(s), []);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section data-testid="public-programmes">
      <h2>{t('prog.title')}</h2>
      <div className="cmp-cards">
        {items.map((p) => (
          <Link key={p.code} to={`/problems/${p.code}`} className="cmp-card" data-testid="programme-card">
            <h3>{p.title}</h3>
            <ProgrammeSummary p={p} />
          </Link>
        ))}
      </div>
    </section>
  );
}
