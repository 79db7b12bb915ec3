import { useState, type FormEvent, type ReactNode } from 'react';
import { hideComment, likeComment, restoreComment, type Comment } from '../api/comments.js';
import { useI18n } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { useErrorText } from './Async.js';
import { Field } from './Field.js';

/** One comment. Text is rendered as a React text node, so markup typed by anyone stays inert. */
export function CommentItem({
  comment: c,
  moderate,
  onChange,
  context,
}: {
  comment: Comment;
  moderate: boolean;
  onChange: (c: Comment) => void;
  context?: ReactNode;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (f: () => Promise<Partial<Comment>>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange({ ...c, ...(await f()) });
      setHiding(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const toggleLike = () => run(() => likeComment(c.id, !c.likedByMe));
  const hide = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) void run(() => hideComment(c.id, reason.trim()));
  };

  return (
    <li
      className={`comment${c.kind === 'thanks' ? ' thanks' : ''}${c.hidden ? ' hidden-comment' : ''}`}
      data-testid="comment"
      data-id={c.id}
    >
      {context}
      <div className="comment-head muted">
        {c.kind === 'thanks' && <span className="badge badge-thanks">{t('comments.thanksBadge')}</span>}
        <span>{c.authorName || t('comments.anonymous')}</span>
        <time dateTime={c.createdAt}>{formatTime(c.createdAt)}</time>
        {c.hidden && (
          <span className="badge badge-internal" data-testid="comment-hidden">
            {t('comments.hiddenBadge')}
          </span>
        )}
      </div>
      <p className="comment-text" data-testid="comment-text">
        {c.text}
      </p>
      {c.hidden && c.hiddenReason && (
        <p className="muted">{t('comments.hiddenReason', { reason: c.hiddenReason, by: c.hiddenBy ?? '' })}</p>
      )}
      {c.contact && <p className="muted">{t('comments.contactStaff', { contact: c.contact })}</p>}
      <div className="button-row">
        {!c.hidden && (
          <button
            type="button"
            className={`btn btn-small${c.likedByMe ? ' btn-primary' : ''}`}
            aria-pressed={c.likedByMe}
            onClick={() => void toggleLike()}
            disabled={busy}
            data-testid="comment-like"
            aria-label={t('comments.likeLabel', { n: c.likes })}
          >
            👍 <span data-testid="comment-likes">{c.likes}</span>
          </button>
        )}
        {moderate && !c.hidden && !hiding && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setHiding(true)}
            data-testid="comment-hide"
          >
            {t('comments.hide')}
          </button>
        )}
        {moderate && c.hidden && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void run(() => restoreComment(c.id))}
            disabled={busy}
            data-testid="comment-restore"
          >
            {t('comments.restore')}
          </button>
        )}
      </div>
      {hiding && (
        <form className="form form-inline" onSubmit={hide} data-testid="comment-hide-form">
          <Field id={`hide-${c.id}`} label={t('comments.hideReason')} required>
            <input
              id={`hide-${c.id}`}
              value={reason}
              maxLength={500}
              required
              onChange={(e) => setReason(e.target.value)}
              data-testid="comment-hide-reason"
            />
          </Field>
          <button
            type="submit"
            className="btn btn-danger btn-small"
            disabled={busy || !reason.trim()}
            data-testid="comment-hide-submit"
          >
            {t('comments.hide')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setHiding(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
