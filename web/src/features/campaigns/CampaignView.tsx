import { useI18n } from '../../i18n/index.js';
import type { Campaign, Panel } from './api.js';
import { AttachedItems } from './AttachedItems.js';
import { useCmpT } from './messages.js';
import { Bar, ItemTable, useWords } from './shared.js';

/** What the public and the back office both see of a campaign: roll-up, plans, attached items, enforcement, panels. */
export function CampaignSummary({ c, admin }: { c: Campaign; admin?: boolean }) {
  const t = useCmpT();
  const { t: core } = useI18n();
  const n = (k: string) => c.enforcement[k] ?? 0;
  return (
    <>
      <p className="lead">{c.description}</p>
      <p data-testid="campaign-status">
        {core(`status.${c.status}` as 'status.closed')} · {c.departmentName} · {c.startDate} — {c.deadline}
        {c.accepted && (
          <strong className="badge" data-testid="campaign-accepted">
            {' '}
            {t('cmp.accepted')}
          </strong>
        )}
      </p>
      <Bar percent={c.progressPercent} label={`${c.plansDone}/${c.plans} · ${c.progressPercent}%`} />
      <h2>{t('cmp.enforcement')}</h2>
      <p data-testid="campaign-enforcement">
        {t('cmp.counts', {
          sealed: n('sealed'),
          staggered: n('staggered'),
          summoned: n('summoned'),
          lifted: n('lifted'),
        })}
      </p>
      <h2>{t('cmp.plans')}</h2>
      <ItemTable items={c.planList.map((p) => p.item)} admin={admin} testId="plan-table" />
      <AttachedItems campaignId={c.id} admin={admin} />
      {c.panels.length > 0 && <h2>{t('cmp.panels')}</h2>}
      {c.panels.map((p) => (
        <PanelCard key={p.id} p={p} />
      ))}
    </>
  );
}

/** A residents' panel: its verdict, date, average and each member's rating (contacts for staff only). */
export function PanelCard({ p }: { p: Panel }) {
  const t = useCmpT();
  const { word } = useWords();
  return (
    <div className="cmp-card" data-testid="panel">
      <strong>{p.result === 'accepted' ? t('panel.accepted') : t('panel.failed')}</strong> · {p.decidedOn} ·{' '}
      {t('panel.average', { n: p.averageRating })} {p.note && `· ${p.note}`}
      <ul>
        {p.members.map((m, i) => (
          <li key={i}>
            {m.name}（{word('panel', m.role)}）{m.rating} {m.comment && `— ${m.comment}`}
            {m.contact && <span className="muted"> · {m.contact}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
