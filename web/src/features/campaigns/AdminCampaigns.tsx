import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { listRef } from '../../api/reference.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate } from '../../router.js';
import { campaignsApi } from './api.js';
import FiguresBox from './FiguresBox.js';
import { useCmpT } from './messages.js';
import { Bar, Pager } from './shared.js';
import { useSubmit } from './useSubmit.js';

function CreateCampaign() {
  const t = useCmpT();
  const depts = useAsync(() => listRef('departments'), []);
  const [f, setF] = useState({ name: '', description: '', departmentId: '', startDate: '', deadline: '' });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { id } = await campaignsApi.createCampaign({
        name: f.name,
        description: f.description,
        departmentId: Number(f.departmentId),
        deadline: f.deadline,
        ...(f.startDate && { startDate: f.startDate }),
      });
      navigate(`/admin/campaigns/${id}`);
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="campaign-form">
      <h2>{t('cmp.new')}</h2>
      <Field id="cmp-name" label={t('cmp.name')} required>
        <input id="cmp-name" value={f.name} onChange={set('name')} required minLength={2} />
      </Field>
      <Field id="cmp-desc" label={t('cmp.description')} required>
        <textarea id="cmp-desc" value={f.description} onChange={set('description')} required minLength={2} />
      </Field>
      <Field id="cmp-dept" label={t('cmp.department')} required>
        <select id="cmp-dept" value={f.departmentId} onChange={set('departmentId')} required>
          <option value="" />
          {(depts.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="cmp-start" label={t('cmp.start')}>
        <input id="cmp-start" type="date" value={f.startDate} onChange={set('startDate')} />
      </Field>
      <Field id="cmp-deadline" label={t('cmp.deadline')} required>
        <input id="cmp-deadline" type="date" value={f.deadline} onChange={set('deadline')} required />
      </Field>
      {error && (
        <div className="state state-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="campaign-create">
        {t('cmp.create')}
      </button>
    </form>
  );
}

/** The back office's campaigns: figures, the list (paged by the server) and the form to open one. */
export default function AdminCampaigns() {
  const t = useCmpT();
  const [offset, setOffset] = useState(0);
  const list = useAsync((s) => campaignsApi.campaigns({ limit: 20, offset }, s), [offset]);
  return (
    <div>
      <h1>{t('cmp.title')}</h1>
      <FiguresBox detail />
      <Async state={list}>
        {(p) => (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="campaign-table">
                <thead>
                  <tr>
                    <th>{t('cmp.name')}</th>
                    <th>{t('cmp.department')}</th>
                    <th>{t('cmp.deadline')}</th>
                    <th>{t('cmp.plans')}</th>
                    <th>{t('cmp.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/admin/campaigns/${c.id}`}>{c.name}</Link>
                      </td>
                      <td>{c.departmentName}</td>
                      <td>{c.deadline}</td>
                      <td>
                        {c.plansDone}/{c.plans}
                      </td>
                      <td>
                        <Bar percent={c.progressPercent} />
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
      <CreateCampaign />
    </div>
  );
}
