import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { type TemplateItem, templatesApi } from './api.js';
import { useAccountT } from './account-messages.js';
import './residents.css';

type Lang = 'zh' | 'en';
type Key = Parameters<ReturnType<typeof useAccountT>>[0];

/** Admin: the messages reporters get at each public step, per language: edit, preview, reset. */
export default function AdminTemplates() {
  const t = useAccountT();
  const list = useAsync((s) => templatesApi.list(s), []);
  return (
    <div className="page res-page" data-testid="admin-templates">
      <h1>{t('tpl.title')}</h1>
      <p className="muted">{t('tpl.lead')}</p>
      {list.error ? <p className="error">{String(list.error)}</p> : null}
      {list.data?.items.map((item) => (
        <section key={item.action} className="panel" data-testid={`tpl-${item.action}`}>
          <h2>{t(`tpl.${item.action}` as Key)}</h2>
          <p className="muted">
            {t('tpl.placeholders')}: <code>{item.placeholders.map((p) => `{${p}}`).join(' ')}</code>
          </p>
          {item.langs.map((l) => (
            <TemplateForm key={`${l.lang}-${l.updatedAt}`} item={item} lang={l.lang} onChange={list.reload} />
          ))}
        </section>
      ))}
    </div>
  );
}

function TemplateForm({ item, lang, onChange }: { item: TemplateItem; lang: Lang; onChange: () => void }) {
  const t = useAccountT();
  const { lang: uiLang } = useI18n();
  const current = item.langs.find((l) => l.lang === lang)!;
  const [title, setTitle] = useState(current.title);
  const [body, setBody] = useState(current.body);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const id = `tpl-${item.action}-${lang}`;
  const run = async (f: () => Promise<{ title: string; body: string }>, done?: string) => {
    setError('');
    try {
      const p = await f();
      setNote(done ?? `${p.title}\n${p.body}`);
      if (done) onChange();
    } catch (e) {
      setNote('');
      setError(isApiError(e) ? e.message : String(e));
    }
  };
  return (
    <form
      className="form res-tpl"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => templatesApi.save(item.action, lang, { title, body }), t('tpl.saved'));
      }}
    >
      <h3>
        {lang === 'zh' ? (uiLang === 'en' ? 'Chinese' : '中文') : uiLang === 'en' ? 'English' : '英文'}{' '}
        <span className="muted">{current.edited ? t('tpl.edited') : t('tpl.default')}</span>
      </h3>
      <label htmlFor={`${id}-title`}>{t('tpl.subject')}</label>
      <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} data-testid={`${id}-title`} />
      <label htmlFor={`${id}-body`}>{t('tpl.body')}</label>
      <textarea
        id={`${id}-body`}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        data-testid={`${id}-body`}
      />
      {error && (
        <p className="error" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
      {note && (
        <pre className="res-preview" data-testid={`${id}-note`}>
          {note}
        </pre>
      )}
      <div className="res-row">
        <button type="submit" className="btn btn-primary" data-testid={`${id}-save`}>
          {t('tpl.save')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => run(() => templatesApi.preview(item.action, { lang, title, body }))}
          data-testid={`${id}-preview`}
        >
          {t('tpl.preview')}
        </button>
        {current.edited && (
          <button
            type="button"
            className="btn"
            onClick={() => run(() => templatesApi.reset(item.action, lang), t('tpl.saved'))}
            data-testid={`${id}-reset`}
          >
            {t('tpl.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
