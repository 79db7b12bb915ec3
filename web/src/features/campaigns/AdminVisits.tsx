import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { parseFindings } from './findings-text.js';
import FiguresBox from './FiguresBox.js';
import { useCmpT } from './messages.js';
import { Pager } from './shared.js';
import { useSubmit } from './useSubmit.js';

function CreateVisit({ onDone }: { onDone: () => void }) {
  const t = useCmpT();
  const leaders = useAsync((s) => campaignsApi.leaders(s), []);
  const empty = {
    leaderId: '',
    visitDate: new Date().toISOString().slice(0, 10),
    place: '',
    topic: '',
    met: '',
    findings: '',
  };
  const [f, setF] = useState(empty);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.createVisit({
        leaderId: Number(f.leaderId),
        visitDate: f.visitDate,
        place: f.place,
        topic: f.topic,
        met: f.met,
        findings: parseFindings(f.findings),
      });
      setF(empty);
      onDone();
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="visit-form">
      <h2>{t('visit.new')}</h2>
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
      {error && (
        <div className="state state-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="visit-save">
        {t('cmp.create')}
      </button>
    </form>
  );
}

/** Field-research visits: figures by leader and month, the list (paged by the server), the form. */
export default function AdminVisits() {
  const t = useCmpT();
  const [offset, setOffset] = useState(0);
  const list = useAsync((s) => campaignsApi.visits({ limit: 20, offset }, s), [offset]);
  return (
    <div>
      <h1>{t('visit.title')}</h1>
      <FiguresBox detail />
      <Async state={list}>
        {(p) => (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="visit-table">
                <thead>
                  <tr>
                    <th>{t('visit.date')}</th>
                    <th>{t('visit.leader')}</th>
                    <th>{t('visit.place')}</th>
                    <th>{t('visit.topic')}</th>
                    <th>{t('visit.found')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((v) => (
                    <tr key={v.id}>
                      <td>
                        <Link to={`/admin/visits/${v.id}`}>{v.visitDate}</Link>
                      </td>
                      <td>{v.leaderName}</td>
                      <td>{v.place}</td>
                      <td>{v.topic}</td>
                      <td>
                        {v.problemsFound}（{t('fig.livelihood')} {v.livelihood}）
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={p.total} limit={p.limit} offset={p.offset} onOffset={setOffset} />
          </>
        )}
      </Async>
      <CreateVisit onDone={list.reload} />
    </div>
  );
}
