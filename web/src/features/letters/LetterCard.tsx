import { useState, type FormEvent } from 'react';
import { Field, FormError } from '../../components/Field.js';
import { formatDate, formatTime } from '../../lib/format.js';
import { useAuth } from '../../lib/auth.js';
import { Link } from '../../router.js';
import { useSubmit } from '../campaigns/useSubmit.js';
import { lettersApi, type Letter } from './api.js';
import { useLetT } from './messages.js';

/** The addressed unit signs for the letter, then writes its reply. */
function UnitAnswer({ letter, onChange }: { letter: Letter; onChange: (l: Letter) => void }) {
  const t = useLetT();
  const { user } = useAuth();
  const [signedBy, setSignedBy] = useState(user?.displayName ?? '');
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit();
  const sign = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onChange(await lettersApi.acknowledge(letter.id, signedBy.trim())));
  };
  const reply = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onChange(await lettersApi.reply(letter.id, text.trim())));
  };
  const id = `let-${letter.id}`;
  return (
    <>
      {letter.status === 'issued' ? (
        <form className="form letter-form" onSubmit={sign} data-testid="letter-ack-form">
          <Field id={`${id}-signer`} label={t('let.signedBy')} required>
            <input
              id={`${id}-signer`}
              value={signedBy}
              maxLength={100}
              onChange={(e) => setSignedBy(e.target.value)}
              required
              data-testid="letter-signer"
            />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="letter-ack">
            {t('let.sign')}
          </button>
        </form>
      ) : (
        <form className="form letter-form" onSubmit={reply} data-testid="letter-reply-form">
          <Field id={`${id}-reply`} label={t('let.reply')} required>
            <textarea
              id={`${id}-reply`}
              rows={3}
              value={text}
              maxLength={10000}
              onChange={(e) => setText(e.target.value)}
              required
              data-testid="letter-reply-text"
            />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="letter-reply">
            {t('let.sendReply')}
          </button>
        </form>
      )}
      <FormError message={error} />
    </>
  );
}

/** One letter: number, item, unit, reason, text, deadline, state; the unit's forms when it is theirs. */
export function LetterCard({ letter, onChange }: { letter: Letter; onChange: (l: Letter) => void }) {
  const t = useLetT();
  const { user } = useAuth();
  const mine = user?.role === 'department' && letter.status !== 'replied';
  return (
    <li className="card letter-card" data-testid="letter" data-id={letter.id} data-status={letter.status}>
      <div className="card-head">
        <strong data-testid="letter-number">{letter.docNumber}</strong>
        <span className="badge">{t(`let.kind.${letter.kind}`)}</span>
        <span className={`badge letter-${letter.status}`} data-testid="letter-status">
          {t(`let.status.${letter.status}`)}
        </span>
        {letter.overdue && (
          <span className="badge badge-overdue" data-testid="letter-overdue">
            {t('let.overdue')}
          </span>
        )}
        {letter.reply?.late && <span className="badge badge-overdue">{t('let.late')}</span>}
      </div>
      <dl className="dl letter-dl">
        <div className="dl-row">
          <dt>{t('let.item')}</dt>
          <dd>
            <Link to={`/admin/problems/${letter.problem.code}`}>{letter.problem.code}</Link> {letter.problem.title}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('let.unit')}</dt>
          <dd>{letter.department.name}</dd>
        </div>
        <div className="dl-row">
          <dt>{t('let.reason')}</dt>
          <dd>{letter.reason}</dd>
        </div>
        <div className="dl-row">
          <dt>{t('let.issued')}</dt>
          <dd>
            {letter.issuedBy} · {formatDate(letter.issueDate)}
          </dd>
        </div>
        <div className="dl-row">
          <dt>{t('let.replyBy')}</dt>
          <dd data-testid="letter-reply-by">{formatDate(letter.replyBy)}</dd>
        </div>
      </dl>
      <p className="letter-text">{letter.text}</p>
      {letter.acknowledgement && (
        <p className="muted" data-testid="letter-ack-line">
          {t('let.signed', { who: letter.acknowledgement.signedBy, at: formatTime(letter.acknowledgement.at) })}
        </p>
      )}
      {letter.reply && (
        <blockquote className="letter-reply" data-testid="letter-reply-view">
          <p>{letter.reply.text}</p>
          <footer className="muted">
            {t('let.replied', { who: letter.reply.by, at: formatTime(letter.reply.at) })}
          </footer>
        </blockquote>
      )}
      <p>
        <a href={lettersApi.pdfUrl(letter.id)} target="_blank" rel="noreferrer" data-testid="letter-pdf">
          {t('let.pdf')}
        </a>
      </p>
      {mine && <UnitAnswer letter={letter} onChange={onChange} />}
    </li>
  );
}
