import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { useCmpT } from './messages.js';
import { ItemTable, useWords } from './shared.js';

/** A subject's page: every item that concerns it, its plans and its enforcement record. */
export default function AdminSubject({ params }: { params: Record<string, string> }) {
  const t = useCmpT();
  const { word } = useWords();
  const d = useAsync((s) => campaignsApi.subject(Number(params.id), s), [params.id]);
  return (
    <Async state={d}>
      {({ subject: s, items, plans, enforcement }) => (
        <div>
          <h1>{s.name}</h1>
          <p>
            {word('subject', s.kind)} · {s.creditCode ?? '—'} · {s.departmentName ?? '—'}
            {s.contactName && ` · ${s.contactName} ${s.contactPhone ?? ''}`}
          </p>
          <h2>{t('cmp.plans')}</h2>
          {plans.map((p) => (
            <p key={p.planId}>
              <Link to={`/admin/campaigns/${p.campaignId}`}>{p.campaignName}</Link>
            </p>
          ))}
          <ItemTable items={[...plans.map((p) => p.item), ...items]} admin testId="subject-items" />
          <h2>{t('cmp.enforcement')}</h2>
          <ul data-testid="subject-enforcement">
            {enforcement.map((e) => (
              <li key={e.id}>
                {e.decidedOn} {word('enforcement', e.kind)} · {e.docNumber} · {e.legalBasis}
                {e.liftedOn && ` · ${t('enf.lifted', { date: e.liftedOn, doc: e.liftDocNumber ?? '' })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Async>
  );
}
