import { Field } from '../../components/Field.js';
import { listRef } from '../../api/reference.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate } from '../../router.js';
import { campaignsApi } from './api.js';
import FiguresBox from './FiguresBox.js';
import { useCmpT } from './messages.js';
import { CreateForm, useFields, usePagedTable } from './scaffold.js';
import { Bar } from './shared.js';

function CreateCampaign() {
  const t = useCmpT();
  const depts = useAsync(() => listRef('departments'), []);
  const { f, set } = useFields({ name: '', description: '', departmentId: '', startDate: '', deadline: '' });
  const save = async () => {
    const { id } = await campaignsApi.createCampaign({
      name: f.name,
      description: f.description,
      departmentId: Number(f.departmentId),
      deadline: f.deadline,
      ...(f.startDate && { startDate: f.startDate }),
    });
    navigate(`/admin/campaigns/${id}`);
  };
  return (
    <CreateForm
      title={t('cmp.new')}
      testId="campaign-form"
      saveLabel={t('cmp.create')}
      saveTestId="campaign-create"
      onSubmit={save}
    >
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
    </CreateForm>
  );
}

/** The back office's campaigns: figures, the list (paged by the server) and the form to open one. */
export default function AdminCampaigns() {
  const t = useCmpT();
  const list = usePagedTable((q, s) => campaignsApi.campaigns(q, s), {
    testId: 'campaign-table',
    head: [t('cmp.name'), t('cmp.department'), t('cmp.deadline'), t('cmp.plans'), t('cmp.progress')],
    rowKey: (c) => c.id,
    cells: (c) => [
      <Link key="name" to={`/admin/campaigns/${c.id}`}>
        {c.name}
      </Link>,
      c.departmentName,
      c.deadline,
      `${c.plansDone}/${c.plans}`,
      <Bar key="bar" percent={c.progressPercent} />,
    ],
  });
  return (
    <div>
      <h1>{t('cmp.title')}</h1>
      <FiguresBox detail />
      {list.view}
      <CreateCampaign />
    </div>
  );
}
