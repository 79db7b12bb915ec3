import { useState, type FormEvent } from 'react';
import { Field, FormError } from '../../components/Field.js';
import { useSubmit } from '../campaigns/useSubmit.js';
import { lettersApi, type Letter } from './api.js';
import { useLetT } from './messages.js';

/** The office's form: an item (from the item page or the board), the kind, the reason and the text. */
export function IssueForm({
  code,
  title,
  reason,
  onIssued,
}: {
  code: string;
  title: string;
  reason: string;
  onIssued: (l: Letter) => void;
}) {
  const t = useLetT();
  const [f, setF] = useState({
    kind: 'letter' as 'letter' | 'summons',
    problemCode: code,
    reason,
    text: title ? t('let.textDefault', { title, reason }) : '',
    replyDays: 5,
  });
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void run(async () => {
      const l = await lettersApi.issue({ ...f, problemCode: f.problemCode.trim(), reason: f.reason.trim() });
      setDone(t('let.issuedOk', { n: l.docNumber }));
      onIssued(l);
    });
  };
  return (
    <form className="form panel" onSubmit={submit} aria-label={t('let.new')} data-testid="letter-issue-form">
      <h2>{t('let.new')}</h2>
      <div className="grid-2">
        <Field id="let-kind" label={t('let.kind')}>
          <select
            id="let-kind"
            value={f.kind}
            onChange={(e) => setF({ ...f, kind: e.target.value as 'letter' | 'summons' })}
            data-testid="letter-kind"
          >
            <option value="letter">{t('let.kind.letter')}</option>
            <option value="summons">{t('let.kind.summons')}</option>
          </select>
        </Field>
        <Field id="let-code" label={t('let.item')} required>
          <input
            id="let-code"
            value={f.problemCode}
            onChange={(e) => setF({ ...f, problemCode: e.target.value })}
            required
            data-testid="letter-code"
          />
        </Field>
      </div>
      <Field id="let-reason" label={t('let.reason')} required>
        <input
          id="let-reason"
          value={f.reason}
          maxLength={500}
          onChange={(e) => setF({ ...f, reason: e.target.value })}
          required
          data-testid="letter-reason"
        />
      </Field>
      <Field id="let-text" label={t('let.text')} required>
        <textarea
          id="let-text"
          rows={4}
          value={f.text}
          maxLength={10000}
          onChange={(e) => setF({ ...f, text: e.target.value })}
          required
          data-testid="letter-text"
        />
      </Field>
      <Field id="let-days" label={t('let.days')} hint={t('let.daysHint')}>
        <input
          id="let-days"
          type="number"
          min={1}
          max={60}
          value={f.replyDays}
          onChange={(e) => setF({ ...f, replyDays: Number(e.target.value) })}
          data-testid="letter-days"
        />
      </Field>
      <FormError message={error} />
      {done && (
        <p className="state" role="status" data-testid="letter-issued">
          {done}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="letter-issue">
        {t('let.issue')}
      </button>
    </form>
  );
}
