import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { campaignsApi, type Campaign } from './api.js';
import { EnforcementForm, PanelForm, PlanForm } from './CampaignForms.js';
import { CampaignSummary } from './CampaignView.js';
import { useCmpT } from './messages.js';
import { useWords } from './shared.js';
import { useSubmit } from './useSubmit.js';

function Plans({ c }: { c: Campaign }) {
  const t = useCmpT();
  const { word } = useWords();
  return (
    <div className="cmp-cards" data-testid="plan-cards">
      {c.planList.map((p) => (
        <div key={p.id} className="cmp-card" data-testid="plan-card">
          <strong>{p.subjectName}</strong> · {p.item.progressPercent}%
          <ul className="cmp-milestones">
            {p.milestones.map((m) => (
              <li key={m.id} className={m.missed ? 'cmp-missed' : m.done ? 'cmp-done' : ''}>
                {m.dueDate} {m.name} {m.missed && `（${t('plan.missed')}）`} {m.done && `✓ ${t('plan.done')}`}
              </li>
            ))}
          </ul>
          {p.activeMeasures.length > 0 && (
            <p className="cmp-missed" data-testid="plan-active">
              {t('plan.active')}：{p.activeMeasures.map((k) => word('enforcement', k)).join('、')}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}

function Measures({ c, reload }: { c: Campaign; reload: () => void }) {
  const t = useCmpT();
  const { word } = useWords();
  const { busy, error, run } = useSubmit();
  const lift = (id: number, doc: string) =>
    run(async () => {
      await campaignsApi.lift(c.id, id, { liftedOn: new Date().toISOString().slice(0, 10), docNumber: `${doc}解` });
      reload();
    });
  return (
    <>
      {error && (
        <div className="state state-error" role="alert">
          {error}
        </div>
      )}
      <ul data-testid="enforcement-list">
        {c.enforcementList.map((e) => (
          <li key={e.id} data-testid="enforcement-row">
            {e.decidedOn} {e.subjectName} · <strong>{word('enforcement', e.kind)}</strong> · {e.docNumber}
            {e.milestoneName && ` · ${e.milestoneName}`}{' '}
            {e.liftedOn ? (
              <span className="cmp-done">{t('enf.lifted', { date: e.liftedOn, doc: e.liftDocNumber ?? '' })}</span>
            ) : (
              <button
                type="button"
                className="btn btn-small"
                disabled={busy}
                onClick={() => lift(e.id, e.docNumber)}
                data-testid="enforcement-lift"
              >
                {t('enf.lift')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A campaign in the back office: plans with milestones, enforcement and lifting, the residents' panel. */
export default function AdminCampaign({ params }: { params: Record<string, string> }) {
  const t = useCmpT();
  const c = useAsync((s) => campaignsApi.campaign(Number(params.id), s), [params.id]);
  return (
    <Async state={c}>
      {(d) => (
        <div>
          <h1>{d.name}</h1>
          <CampaignSummary c={d} admin />
          <h2>{t('plan.milestones')}</h2>
          <Plans c={d} />
          <PlanForm c={d} onDone={c.reload} />
          <h2>{t('cmp.enforcement')}</h2>
          <Measures c={d} reload={c.reload} />
          <EnforcementForm c={d} onDone={c.reload} />
          {d.status === 'rectified' && <PanelForm c={d} onDone={c.reload} />}
        </div>
      )}
    </Async>
  );
}
