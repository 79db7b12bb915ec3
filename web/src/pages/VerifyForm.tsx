import { useState, type FormEvent } from 'react';
import { performAction } from '../api/problems.js';
import type { Problem, ProblemWithActions } from '../api/problems.js';
import type { VerifyResult } from '../../../src/lifecycle/lifecycle.js';
import { Photos } from '../components/Photos.js';
import { formatTime } from '../lib/format.js';
import { useErrorText } from '../components/Async.js';
import { Field, FormError } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';
import { VERIFY_RESULTS } from '../../../src/lifecycle/lifecycle.js';

/** The 5-level rating (好差评) levels that agree with each result; the server refuses the others. */
const RATINGS: Record<VerifyResult, number[]> = { satisfied: [5, 4], basically_satisfied: [3], unsatisfied: [2, 1] };

/** The reporter checks the rectified result (验收) with the tracking token. */
export function VerifyForm({
  problem,
  evidence,
  token,
  onDone,
}: {
  problem: Problem;
  /** What the unit wrote when it reported the item rectified. */
  evidence: string | null;
  token: string;
  onDone: (r: ProblemWithActions) => void;
}) {
  const code = problem.code;
  const { t } = useI18n();
  const errorText = useErrorText();
  const [result, setResult] = useState<VerifyResult | ''>('');
  const [comment, setComment] = useState('');
  const [rating, setRating] = useState<number | null>(null);
  const levels = result ? RATINGS[result] : [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!result || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await performAction(
        code,
        'verify',
        {
          result,
          comment: comment.trim() || undefined,
          method: 'reporter',
          ...(rating !== null && levels.includes(rating) ? { rating } : {}),
        },
        token,
      );
      onDone(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel verify-form" onSubmit={submit} data-testid="verify-form">
      {/* The evidence first: a rating means something only once the work has been seen. */}
      <section className="verify-evidence" aria-labelledby="verify-evidence-h" data-testid="verify-evidence">
        <h2 id="verify-evidence-h">{t('verify.evidence')}</h2>
        <p data-testid="verify-evidence-text">{evidence || t('verify.noEvidence')}</p>
        {problem.rectifiedAt && (
          <p className="muted small">{t('verify.rectifiedAt', { at: formatTime(problem.rectifiedAt) })}</p>
        )}
        <Photos attachments={problem.attachments ?? []} token={token} assignedAt={problem.assignedAt} only="after" />
        <Photos attachments={problem.attachments ?? []} token={token} assignedAt={problem.assignedAt} only="before" />
      </section>
      <fieldset className="fieldset">
        <legend>{t('verify.title')}</legend>
        <p className="hint">{t('verify.lead')}</p>
        <div className="radio-group">
          {VERIFY_RESULTS.map((r) => (
            <div key={r} className="radio">
              <input
                type="radio"
                id={`verify-${r}`}
                name="verify-result"
                value={r}
                checked={result === r}
                onChange={() => {
                  setResult(r);
                  setRating(null);
                }}
                data-testid={`verify-result-${r}`}
                required
              />
              <label htmlFor={`verify-${r}`}>{t(`verify.${r}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {levels.length > 1 && (
        <fieldset className="fieldset" data-testid="verify-rating">
          <legend>{t('verify.rating')}</legend>
          <div className="radio-group">
            {levels.map((n) => (
              <div key={n} className="radio">
                <input
                  type="radio"
                  id={`rating-${n}`}
                  name="verify-rating"
                  checked={rating === n}
                  onChange={() => setRating(n)}
                  data-testid={`verify-rating-${n}`}
                />
                <label htmlFor={`rating-${n}`}>{t(`rating.${n}` as 'rating.5')}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <Field
        id="verify-comment"
        label={t('verify.comment')}
        hint={result === 'unsatisfied' ? t('verify.unsatisfiedHint') : undefined}
      >
        <textarea
          id="verify-comment"
          value={comment}
          rows={3}
          maxLength={1000}
          data-testid="verify-comment"
          onChange={(e) => setComment(e.target.value)}
        />
      </Field>
      <FormError message={error != null && errorText(error)} testId="verify-error" />
      <button type="submit" className="btn btn-primary" disabled={!result || busy} data-testid="verify-submit">
        {busy ? t('common.submitting') : t('verify.submit')}
      </button>
    </form>
  );
}
