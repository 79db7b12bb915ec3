import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi, type Figures } from './api.js';
import { useCmpT } from './messages.js';
import './campaigns.css';

function Table({ rows, head }: { rows: Figures['byLeader']; head: string }) {
  const t = useCmpT();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{head}</th>
          <th>{t('fig.visits')}</th>
          <th>{t('fig.found')}</th>
          <th>{t('fig.livelihood')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td>{r.visits}</td>
            <td>{r.found}</td>
            <td>{r.livelihood}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "N visits found M problems, K livelihood" — on the home page and in the statistics section. */
export default function FiguresBox({ detail = false }: { detail?: boolean }) {
  const t = useCmpT();
  const figures = useAsync((s) => campaignsApi.figures(s), []);
  return (
    <section className="cmp-figures" data-testid="campaign-figures">
      <Async state={figures}>
        {(f) => (
          <>
            <p className="headline" data-testid="campaign-headline">
              {t('fig.headline', { visits: f.visits, found: f.found, livelihood: f.livelihood })}
            </p>
            <p className="muted" data-testid="campaign-forums">
              {t('fig.forums', { forums: f.forums, points: f.forumPoints, campaigns: f.campaigns, plans: f.plans })}
            </p>
            {detail && (
              <div className="cmp-cards">
                <div>
                  <h3>{t('fig.byLeader')}</h3>
                  <Table rows={f.byLeader} head={t('fig.leader')} />
                </div>
                <div>
                  <h3>{t('fig.byMonth')}</h3>
                  <Table rows={f.byMonth} head={t('fig.month')} />
                </div>
              </div>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
