import { useState, type FormEvent } from 'react';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate } from '../../router.js';
import { campaignsApi } from './api.js';
import { parseFindings } from './findings-text.js';
import { useCmpT } from './messages.js';
import { Pager } from './shared.js';
import { useSubmit } from './useSubmit.js';

function CreateForum() {
  const t = useCmpT();
  const [f, setF] = useState({
    title: '',
    host: '',
    forumDate: new Date().toISOString().slice(0, 10),
    place: '',
    attendees: '',
    minutes: '',
    points: '',
  });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { id } = await campaignsApi.createForum({ ...f, points: parseFindings(f.points) });
      navigate(`/admin/forums/${id}`);
    });
  };
  const field = (k: keyof typeof f, label: string, area = false, required = true) => (
    <Field id={`forum-${k}`} label={label} required={required}>
      {area ? (
        <textarea id={`forum-${k}`} value={f[k]} onChange={set(k)} required={required} />
      ) : (
        <input
          id={`forum-${k}`}
          type={k === 'forumDate' ? 'date' : 'text'}
          value={f[k]}
          onChange={set(k)}
          required={required}
        />
      )}
    </Field>
  );
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid="forum-form">
      <h2>{t('forum.new')}</h2>
      {field('title', t('forum.name'))}
      {field('host', t('forum.host'))}
      {field('forumDate', t('visit.date'))}
      {field('place', t('visit.place'))}
      {field('attendees', t('forum.attendees'), true, false)}
      {field('minutes', t('forum.minutes'), true, false)}
      {field('points', t('forum.points'), true)}
      {error && (
        <div className="state state-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="forum-save">
        {t('cmp.create')}
      </button>
    </form>
  );
}

/** Forums: the list (paged by the server) and the form whose points become items. */
export default function AdminForums() {
  const t = useCmpT();
  const [offset, setOffset] = useState(0);
  const list = useAsync((s) => campaignsApi.forums({ limit: 20, offset }, s), [offset]);
  return (
    <div>
      <h1>{t('forum.title')}</h1>
      <Async state={list}>
        {(p) => (
          <>
            <ul data-testid="forum-list">
              {p.items.map((f) => (
                <li key={f.id}>
                  <Link to={`/admin/forums/${f.id}`}>
                    {f.forumDate} {f.title}
                  </Link>{' '}
                  · {f.host} · {f.points}
                </li>
              ))}
            </ul>
            <Pager total={p.total} limit={p.limit} offset={p.offset} onOffset={setOffset} />
          </>
        )}
      </Async>
      <CreateForum />
    </div>
  );
}
