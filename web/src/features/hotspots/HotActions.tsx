import { useState } from 'react';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { useSubmit } from '../campaigns/useSubmit.js';
import { hotApi, type Cluster, type PromoteInput } from './api.js';
import { useHotT } from './messages.js';

/** Promote a cluster to a systemic item (每月一题 / 小切口大整治) or attach its items to a campaign. */
export function HotActions({ c, onDone }: { c: Cluster; onDone: () => void }) {
  const t = useHotT();
  const [kind, setKind] = useState<PromoteInput['kind']>('monthly');
  const [title, setTitle] = useState(c.title);
  const [campaign, setCampaign] = useState('');
  const [done, setDone] = useState<{ text: string; code?: string } | null>(null);
  const { busy, error, run } = useSubmit();
  const campaigns = useAsync((s) => hotApi.campaigns(s), []);
  const promote = () =>
    run(async () => {
      const r = await hotApi.promote({ codes: c.codes, kind, title });
      setDone({ text: t('hot.promoteDone', { code: r.code, n: r.linked }), code: r.code });
      onDone();
    });
  const attach = () =>
    run(async () => {
      const r = await hotApi.attach(Number(campaign), c.codes);
      setDone({ text: t('hot.attachDone', { n: r.attached.length, m: r.already.length }) });
    });
  const id = c.key;
  return (
    <div className="hot-actions">
      {!c.promotedTo && (
        <details data-testid="hot-promote">
          <summary>{t('hot.promote')}</summary>
          <Field id={`hk-${id}`} label={t('hot.kind')}>
            <select id={`hk-${id}`} value={kind} onChange={(e) => setKind(e.target.value as PromoteInput['kind'])}>
              <option value="monthly">{t('hot.kind.monthly')}</option>
              <option value="campaign">{t('hot.kind.campaign')}</option>
            </select>
          </Field>
          <Field id={`ht-${id}`} label={t('hot.promoteTitle')}>
            <input id={`ht-${id}`} value={title} maxLength={160} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={promote}
            data-testid="hot-promote-do"
          >
            {t('hot.promoteDo')}
          </button>
        </details>
      )}
      <details data-testid="hot-attach">
        <summary>{t('hot.attach')}</summary>
        {campaigns.data && campaigns.data.items.length === 0 ? (
          <p className="muted">{t('hot.noCampaigns')}</p>
        ) : (
          <>
            <Field id={`hc-${id}`} label={t('hot.campaign')}>
              <select id={`hc-${id}`} value={campaign} onChange={(e) => setCampaign(e.target.value)}>
                <option value="" />
                {(campaigns.data?.items ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="button" className="btn" disabled={busy || !campaign} onClick={attach}>
              {t('hot.attachDo')}
            </button>
          </>
        )}
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="success" role="status" data-testid="hot-done">
          {done.code ? <Link to={`/problems/${encodeURIComponent(done.code)}`}>{done.text}</Link> : done.text}
        </p>
      )}
    </div>
  );
}
