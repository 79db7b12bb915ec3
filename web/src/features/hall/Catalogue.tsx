import { useState } from 'react';
import { Async, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { hallApi, type Matter } from './api.js';
import { useHallT } from './messages.js';
import { blankMatter, draftOf, MatterEditor } from './MatterEditor.js';
import './hall.css';

/** The catalogue editors' page: drafts edited, published from a date, new versions started. */
export default function Catalogue() {
  const t = useHallT();
  const { user } = useAuth();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Matter | null>(null);
  const [creating, setCreating] = useState(false);
  const [from, setFrom] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const list = useAsync(
    (s) => hallApi.matters({ state: 'all', q: q.trim() || undefined, limit: 30 }, s),
    [q, selected],
  );
  const act = async (fn: () => Promise<Matter>, done: string) => {
    setMsg(null);
    try {
      setSelected(await fn());
      setMsg({ ok: true, text: done });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  return (
    <div>
      <h1>{t('cat.title')}</h1>
      <div className="panel form-inline">
        <Field id="cat-q" label={t('hall.search')}>
          <input id="cat-q" value={q} onChange={(e) => setQ(e.target.value)} data-testid="cat-q" />
        </Field>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setCreating(true);
            setSelected(null);
          }}
          data-testid="cat-new"
        >
          {t('cat.new')}
        </button>
      </div>
      <Async state={list}>
        {(p) => (
          <div className="table-wrap">
            <table className="table" data-testid="cat-list">
              <thead>
                <tr>
                  <th scope="col">{t('cat.code')}</th>
                  <th scope="col">{t('cat.name')}</th>
                  <th scope="col">{t('cases.department')}</th>
                  <th scope="col">{t('case.status')}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((m) => (
                  <tr key={m.code}>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={async () => {
                          setCreating(false);
                          setMsg(null);
                          const found = await hallApi.matter(m.code);
                          const last = found.versions?.at(-1);
                          // Editors work on the newest version: a draft after the one in force.
                          setSelected(
                            last && last.version !== found.version
                              ? await hallApi.matter(m.code, undefined, last.version)
                              : found,
                          );
                        }}
                        data-testid="cat-open"
                      >
                        {m.code}
                      </button>
                    </td>
                    <td>{m.name}</td>
                    <td>{m.department.name}</td>
                    <td>
                      v{m.version} {t(`cat.state.${m.state}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      {msg && (
        <div
          className={`state ${msg.ok ? 'state-ok' : 'state-error'}`}
          role={msg.ok ? 'status' : 'alert'}
          data-testid="cat-msg"
        >
          {msg.text}
        </div>
      )}
      {creating && (
        <MatterEditor
          initial={blankMatter()}
          isNew
          onSave={async (d) => {
            setSelected(await hallApi.createMatter(d));
            setCreating(false);
          }}
        />
      )}
      {selected && (
        <section className="panel" data-testid="cat-selected">
          <h2>
            {selected.name} · v{selected.version} {t(`cat.state.${selected.state}`)}
          </h2>
          <p className="muted">
            {(selected.versions ?? [])
              .map((v) => `v${v.version} ${t(`cat.state.${v.state}`)}${v.effectiveFrom ? ` ${v.effectiveFrom}` : ''}`)
              .join(' · ')}{' '}
            · <Link to={`/hall/guide/${encodeURIComponent(selected.code)}`}>{t('guide.title')}</Link>
          </p>
          {selected.state === 'draft' ? (
            <>
              <MatterEditor
                key={`${selected.versionId}`}
                initial={draftOf(selected)}
                isNew={false}
                onSave={async ({ code: _c, ...d }) => setSelected(await hallApi.saveDraft(selected.code, d))}
              />
              {user?.role === 'admin' && (
                <div className="form-inline">
                  <Field id="cat-from" label={t('cat.publishFrom')}>
                    <input
                      id="cat-from"
                      type="date"
                      value={from}
                      onChange={(e) => setFrom(e.target.value)}
                      data-testid="cat-from"
                    />
                  </Field>
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => act(() => hallApi.publish(selected.code, from || undefined), t('cat.published'))}
                    data-testid="cat-publish"
                  >
                    {t('cat.publish')}
                  </button>
                </div>
              )}
            </>
          ) : (
            <button
              type="button"
              className="btn"
              onClick={() => act(() => hallApi.newDraft(selected.code), t('cat.saved'))}
              data-testid="cat-new-version"
            >
              {t('cat.newVersion')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
