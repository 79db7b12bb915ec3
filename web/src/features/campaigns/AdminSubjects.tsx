import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { campaignsApi } from './api.js';
import { useCmpT } from './messages.js';
import { Pager, useWords } from './shared.js';
import { useSubmit } from './useSubmit.js';

function CreateSubject({ onDone }: { onDone: () => void }) {
  const t = useCmpT();
  const { options } = useWords();
  const empty = { kind: 'enterprise', name: '', creditCode: '', contactName: '', contactPhone: '' };
  const [f, setF] = useState(empty);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await campaignsApi.createSubject({
        kind: f.kind as 'enterprise',
        name: f.name,
        creditCode: f.creditCode || null,
        contactName: f.contactName || null,
        contactPhone: f.contactPhone || null,
      });
      setF(empty);
      onDone();
    });
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="subject-form">
      <h2>{t('subj.new')}</h2>
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
      {error && (
        <div className="state state-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="subject-save">
        {t('cmp.create')}
      </button>
    </form>
  );
}

/** Subjects: the list (paged by the server, by kind and name) and the form to add one. */
export default function AdminSubjects() {
  const t = useCmpT();
  const { word, options } = useWords();
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useAsync(
    (s) => campaignsApi.subjects({ limit: 20, offset, kind: kind || undefined, q: q.trim() || undefined }, s),
    [kind, q, offset],
  );
  return (
    <div>
      <h1>{t('subj.title')}</h1>
      <div className="panel form-inline">
        <Field id="subj-filter-kind" label={t('subj.kind')}>
          <select
            id="subj-filter-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setOffset(0);
            }}
          >
            <option value="" />
            {options('subject')}
          </select>
        </Field>
        <Field id="subj-q" label={t('subj.name')}>
          <input
            id="subj-q"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </Field>
      </div>
      <Async state={list}>
        {(p) => (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="subject-table">
                <thead>
                  <tr>
                    <th>{t('subj.name')}</th>
                    <th>{t('subj.kind')}</th>
                    <th>{t('subj.credit')}</th>
                    <th>{t('cmp.department')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/admin/subjects/${s.id}`}>{s.name}</Link>
                      </td>
                      <td>{word('subject', s.kind)}</td>
                      <td>{s.creditCode ?? '—'}</td>
                      <td>{s.departmentName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={p.total} limit={p.limit} offset={p.offset} onOffset={setOffset} />
          </>
        )}
      </Async>
      <CreateSubject onDone={list.reload} />
    </div>
  );
}
