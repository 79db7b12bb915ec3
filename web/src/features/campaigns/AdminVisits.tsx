import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { parseFindings } from './findings-text.js';
import FiguresBox from './FiguresBox.js';
import { useCmpT } from './messages.js';
import { CreateForm, useFields, usePagedTable } from './scaffold.js';

function CreateVisit({ onDone }: { onDone: () => void }) {
  const t = useCmpT();
  const leaders = useAsync((s) => campaignsApi.leaders(s), []);
  const { f, set, reset } = useFields({
    leaderId: '',
    visitDate: new Date().toISOString().slice(0, 10),
    place: '',
    topic: '',
    met: '',
    findings: '',
  });
  const save = async () => {
    await campaignsApi.createVisit({
      leaderId: Number(f.leaderId),
      visitDate: f.visitDate,
      place: f.place,
      topic: f.topic,
      met: f.met,
      findings: parseFindings(f.findings),
    });
    reset();
    onDone();
  };
  return (
    <CreateForm
      title={t('visit.new')}
      testId="visit-form"
      saveLabel={t('cmp.create')}
      saveTestId="visit-save"
      onSubmit={save}
    >
      <Field id="visit-leader" label={t('visit.leader')} required>
        <select id="visit-leader" value={f.leaderId} onChange={set('leaderId')} required>
          <option value="" />
          {(leaders.data?.items ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.displayName}
            </option>
          ))}
        </select>
      </Field>
      <Field id="visit-date" label={t('visit.date')} required>
        <input id="visit-date" type="date" value={f.visitDate} onChange={set('visitDate')} required />
      </Field>
      <Field id="visit-place" label={t('visit.place')} required>
        <input id="visit-place" value={f.place} onChange={set('place')} required />
      </Field>
      <Field id="visit-topic" label={t('visit.topic')} required>
        <input id="visit-topic" value={f.topic} onChange={set('topic')} required />
      </Field>
      <Field id="visit-met" label={t('visit.met')}>
        <input id="visit-met" value={f.met} onChange={set('met')} />
      </Field>
      <Field id="visit-findings" label={t('visit.findings')}>
        <textarea id="visit-findings" value={f.findings} onChange={set('findings')} />
      </Field>
    </CreateForm>
  );
}

/** Field-research visits: figures by leader and month, the list (paged by the server), the form. */
export default function AdminVisits() {
  const t = useCmpT();
  const list = usePagedTable((q, s) => campaignsApi.visits(q, s), {
    testId: 'visit-table',
    head: [t('visit.date'), t('visit.leader'), t('visit.place'), t('visit.topic'), t('visit.found')],
    rowKey: (v) => v.id,
    cells: (v) => [
      <Link key="date" to={`/admin/visits/${v.id}`}>
        {v.visitDate}
      </Link>,
      v.leaderName,
      v.place,
      v.topic,
      `${v.problemsFound}（${t('fig.livelihood')} ${v.livelihood}）`,
    ],
  });
  return (
    <div>
      <h1>{t('visit.title')}</h1>
      <FiguresBox detail />
      {list.view}
      <CreateVisit onDone={list.reload} />
    </div>
  );
}
