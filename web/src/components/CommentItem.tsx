import { useState, type FormEvent, type ReactNode } from 'react';
import { hideComment, likeComment, replyToComment, restoreComment, type Comment } from '../api/comments.js';
import { useI18n } from '../i18n/index.js';
import { formatTime } from '../lib/format.js';
import { useErrorText } from './Async.js';
import { Field, FormError } from './Field.js';

/** One comment. Text is rendered as a React text node, so markup typed by anyone stays inert. */
/** A thumbs-up drawn as SVG: an emoji renders as an empty box on systems without an emoji font. */
function ThumbIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M7 10v11H3V10h4Zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
    </svg>
  );
}

export function CommentItem({
  comment: c,
  moderate,
  canReply = false,
  onChange,
  context,
}: {
  comment: Comment;
  moderate: boolean;
  /** Staff may answer in public (官方回复). */
  canReply?: boolean;
  onChange: (c: Comment) => void;
  context?: ReactNode;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [replying, setReplying] = useState(false);
  const [answer, setAnswer] = useState('');

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
  const reply = (e: FormEvent) => {
    e.preventDefault();
    if (answer.trim())
      void run(() => replyToComment(c.id, answer.trim())).then(() => {
        setReplying(false);
        setAnswer('');
      });
  };
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
      {c.reply && (
        <div className="comment-reply" data-testid="comment-official-reply">
          <strong>{t('comments.officialReply')}</strong>
          <span className="muted small">
            {' '}
            {c.reply.by} · <time dateTime={c.reply.at}>{formatTime(c.reply.at)}</time>
          </span>
          <p>{c.reply.text}</p>
        </div>
      )}
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
            <ThumbIcon /> <span data-testid="comment-likes">{c.likes}</span>
          </button>
        )}
        {canReply && !c.hidden && !replying && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              setAnswer(c.reply?.text ?? '');
              setReplying(true);
            }}
            data-testid="comment-reply"
          >
            {c.reply ? t('comments.editReply') : t('comments.reply')}
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
      {replying && (
        <form className="form" onSubmit={reply} data-testid="comment-reply-form">
          <Field id={`reply-${c.id}`} label={t('comments.replyLabel')} required>
            <textarea
              id={`reply-${c.id}`}
              value={answer}
              rows={3}
              maxLength={1000}
              required
              onChange={(e) => setAnswer(e.target.value)}
              data-testid="comment-reply-text"
            />
          </Field>
          <div className="button-row">
            <button
              type="submit"
              className="btn btn-primary btn-small"
              disabled={busy || !answer.trim()}
              data-testid="comment-reply-submit"
            >
              {t('comments.replySend')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setReplying(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
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
      <FormError message={error} />
    </li>
  );
}
