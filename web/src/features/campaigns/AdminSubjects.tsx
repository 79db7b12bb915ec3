import { useState } from 'react';
import { Field } from '../../components/Field.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { useCmpT } from './messages.js';
import { CreateForm, useFields, usePagedTable } from './scaffold.js';
import { useWords } from './shared.js';

function CreateSubject({ onDone }: { onDone: () => void }) {
  const t = useCmpT();
  const { options } = useWords();
  const { f, set, reset } = useFields({
    kind: 'enterprise',
    name: '',
    creditCode: '',
    contactName: '',
    contactPhone: '',
  });
  const save = async () => {
    await campaignsApi.createSubject({
      kind: f.kind as 'enterprise',
      name: f.name,
      creditCode: f.creditCode || null,
      contactName: f.contactName || null,
      contactPhone: f.contactPhone || null,
    });
    reset();
    onDone();
  };
  return (
    <CreateForm
      title={t('subj.new')}
      testId="subject-form"
      saveLabel={t('cmp.create')}
      saveTestId="subject-save"
      onSubmit={save}
    >
      <Field id="subj-kind" label={t('subj.kind')} required>
        <select id="subj-kind" value={f.kind} onChange={set('kind')}>
          {options('subject')}
        </select>
      </Field>
      <Field id="subj-name" label={t('subj.name')} required>
        <input id="subj-name" value={f.name} onChange={set('name')} required minLength={2} />
      </Field>
      <Field id="subj-credit" label={t('subj.credit')} required={f.kind === 'enterprise'}>
        <input id="subj-credit" value={f.creditCode} onChange={set('creditCode')} maxLength={18} />
      </Field>
      <Field id="subj-contact" label={t('subj.contact')}>
        <input id="subj-contact" value={f.contactName} onChange={set('contactName')} />
      </Field>
      <Field id="subj-phone" label={t('subj.phone')}>
        <input id="subj-phone" value={f.contactPhone} onChange={set('contactPhone')} />
      </Field>
    </CreateForm>
  );
}

/** Subjects: the list (paged by the server, by kind and name) and the form to add one. */
export default function AdminSubjects() {
  const t = useCmpT();
  const { word, options } = useWords();
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedTable(
    (page, s) => campaignsApi.subjects({ ...page, kind: kind || undefined, q: q.trim() || undefined }, s),
    {
      testId: 'subject-table',
      head: [t('subj.name'), t('subj.kind'), t('subj.credit'), t('cmp.department')],
      rowKey: (x) => x.id,
      cells: (x) => [
        <Link key="name" to={`/admin/subjects/${x.id}`}>
          {x.name}
        </Link>,
        word('subject', x.kind),
        x.creditCode ?? '—',
        x.departmentName ?? '—',
      ],
    },
    [kind, q],
  );
  return (
    <div>
      <h1>{t('subj.title')}</h1>
      <div className="panel form-inline">
        <Field id="subj-filter-kind" label={t('subj.kind')}>
          <select id="subj-filter-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="" />
            {options('subject')}
          </select>
        </Field>
        <Field id="subj-q" label={t('subj.name')}>
          <input id="subj-q" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
      </div>
      {list.view}
      <CreateSubject onDone={list.reload} />
    </div>
  );
}
