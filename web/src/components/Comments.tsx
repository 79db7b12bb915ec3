/**
 * PLACEHOLDER — comments & thanks (评论与锦旗) on a public item.
 * The endpoints GET/POST /api/v1/problems/:code/comments are not in the contract yet; until they
 * exist the server answers 404 and this section shows an "coming soon" empty state. The shapes
 * used here (Comment in api/types.ts, ?sort=hot|new, body {text, kind, authorName}) are a proposal.
 */
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client.js';
import { listComments, postComment } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { formatTime } from '../lib/format.js';
import { Empty, ErrorBox, Loading, useErrorText } from './Async.js';
import { Field } from './Field.js';

export function Comments({ code }: { code: string }) {
  const { t } = useI18n();
  const [sort, setSort] = useState<'hot' | 'new'>('hot');
  const state = useAsync((s) => listComments(code, sort, s), [code, sort]);
  const unavailable = isApiError(state.error) && (state.error.status === 404 || state.error.status === 405);

  return (
    <section className="comments" data-testid="comments" aria-labelledby="comments-h">
      <h2 id="comments-h">{t('comments.title')}</h2>
      {unavailable ? (
        <Empty testId="comments-unavailable">{t('comments.unavailable')}</Empty>
      ) : (
        <>
          <div className="tabs" role="group" aria-label={t('comments.sort')}>
            {(['hot', 'new'] as const).map((s) => (
              <button key={s} type="button" className={`tab${sort === s ? ' active' : ''}`}
                aria-pressed={sort === s} onClick={() => setSort(s)} data-testid={`comments-sort-${s}`}>
                {t(s === 'hot' ? 'comments.hot' : 'comments.new')}
              </button>
            ))}
          </div>
          {state.loading ? <Loading /> : state.error ? <ErrorBox error={state.error} onRetry={state.reload} /> :
            !state.data?.items.length ? <Empty testId="comments-empty">{t('comments.empty')}</Empty> : (
              <ul className="comment-list">
                {state.data.items.map((c) => (
                  <li key={c.id} className={`comment${c.kind === 'thanks' ? ' thanks' : ''}`} data-testid="comment">
                    <div className="muted">
                      {c.kind === 'thanks' && <span className="badge badge-thanks">{t('comments.thanks')}</span>}
                      {c.authorName || t('comments.anonymous')} · {formatTime(c.createdAt)}
                    </div>
                    <p>{c.text}</p>
                  </li>
                ))}
              </ul>
            )}
          <CommentForm code={code} onPosted={state.reload} />
        </>
      )}
    </section>
  );
}

function CommentForm({ code, onPosted }: { code: string; onPosted: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [kind, setKind] = useState<'comment' | 'thanks'>('comment');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await postComment(code, { text: text.trim(), kind, authorName: authorName.trim() || undefined });
      setText('');
      onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form comment-form" onSubmit={submit}>
      <Field id="comment-kind" label={t('comments.kind')}>
        <select id="comment-kind" value={kind} onChange={(e) => setKind(e.target.value as 'comment' | 'thanks')}>
          <option value="comment">{t('comments.comment')}</option>
          <option value="thanks">{t('comments.thanks')}</option>
        </select>
      </Field>
      <Field id="comment-name" label={t('comments.name')}>
        <input id="comment-name" value={authorName} maxLength={40} onChange={(e) => setAuthorName(e.target.value)} />
      </Field>
      <Field id="comment-text" label={t('comments.text')} required>
        <textarea id="comment-text" value={text} required maxLength={1000} rows={3}
          onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
      </Field>
      {error != null && <p className="field-error" role="alert">{errorText(error)}</p>}
      <button type="submit" className="btn" disabled={busy || !text.trim()} data-testid="comment-submit">
        {busy ? t('common.submitting') : t('comments.submit')}
      </button>
    </form>
  );
}
