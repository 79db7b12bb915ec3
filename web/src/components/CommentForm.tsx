import { useState, type FormEvent } from 'react';
import { postComment } from '../api/comments.js';
import { useI18n } from '../i18n/index.js';
import { useErrorText } from './Async.js';
import { Field, FormError } from './Field.js';

/** Write a comment, or send thanks (送锦旗) once the item is rectified. */
export function CommentForm({ code, canThank, onPosted }: { code: string; canThank: boolean; onPosted: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [contact, setContact] = useState('');
  const [kind, setKind] = useState<'comment' | 'thanks'>('comment');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [posted, setPosted] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    setPosted(false);
    try {
      await postComment(code, {
        text: text.trim(),
        kind,
        authorName: authorName.trim() || undefined,
        contact: contact.trim() || undefined,
      });
      setText('');
      setPosted(true);
      onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form comment-form"
      onSubmit={submit}
      data-testid="comment-form"
      aria-label={t('comments.formTitle')}
    >
      <h3>{t('comments.formTitle')}</h3>
      {canThank && (
        <fieldset className="fieldset">
          <legend>{t('comments.kind')}</legend>
          <div className="radio-group">
            {(['comment', 'thanks'] as const).map((k) => (
              <div key={k} className="radio">
                <input
                  type="radio"
                  id={`comment-kind-${k}`}
                  name="comment-kind"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`comment-kind-${k}`}
                />
                <label htmlFor={`comment-kind-${k}`}>
                  {t(k === 'thanks' ? 'comments.thanks' : 'comments.comment')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <Field id="comment-text" label={kind === 'thanks' ? t('comments.thanksText') : t('comments.text')} required>
        <textarea
          id="comment-text"
          value={text}
          required
          maxLength={1000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          data-testid="comment-text-input"
        />
      </Field>
      <div className="grid-2">
        <Field id="comment-name" label={t('comments.name')}>
          <input
            id="comment-name"
            value={authorName}
            maxLength={40}
            onChange={(e) => setAuthorName(e.target.value)}
            data-testid="comment-name"
          />
        </Field>
        <Field id="comment-contact" label={t('comments.contact')} hint={t('comments.contactHint')}>
          <input id="comment-contact" value={contact} maxLength={100} onChange={(e) => setContact(e.target.value)} />
        </Field>
      </div>
      <FormError message={error != null && errorText(error)} testId="comment-error" />
      {posted && (
        <p className="state state-ok" role="status" data-testid="comment-posted">
          {t('comments.posted')}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()} data-testid="comment-submit">
        {busy ? t('common.submitting') : kind === 'thanks' ? t('comments.sendThanks') : t('comments.submit')}
      </button>
    </form>
  );
}
