import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { useMoreT } from './more-messages.js';
import { ProgrammeSummary } from './ProgrammeView.js';

/** Programmes in the back office: each rolled up, linked to its parts and sub-projects. */
export default function AdminProgrammes() {
  const t = useMoreT();
  const list = useAsync((s) => campaignsApi.programmes(s), []);
  return (
    <div>
      <h1>{t('prog.title')}</h1>
      <p className="lead">{t('prog.lead')}</p>
      <Async state={list} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <div className="cmp-cards" data-testid="programme-cards">
            {d.items.map((p) => (
              <Link key={p.code} to={`/admin/programmes/${p.code}`} className="cmp-card" data-testid="programme-card">
                <h2>{p.title}</h2>
                <ProgrammeSummary p={p} />
                <p className="muted">
                  {p.parts.filter((x) => x.kind === 'part').length} {t('prog.part')} ·{' '}
                  {p.parts.filter((x) => x.kind !== 'part').length} {t('prog.subproject')}
                </p>
              </Link>
            ))}
          </div>
        )}
      </Async>
    </div>
  );
}
