import { useState, type FormEvent } from 'react';
import { useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';
import { useHallT } from './messages.js';
import { useVocab } from './shared.js';

/** 好差评: five levels, reasons that fit the level, a comment. Used by the SMS page and the pad. */
export function RateForm({
  onSubmit,
  idPrefix = 'rate',
}: {
  onSubmit: (r: { level: number; reasons: string[]; comment?: string }) => Promise<string | null>;
  idPrefix?: string;
}) {
  const t = useHallT();
  const { lang } = useI18n();
  const errorText = useErrorText();
  const { vocab, name } = useVocab();
  const [level, setLevel] = useState(0);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ ok: boolean; text: string } | null>(null);
  const fitting = (vocab?.ratingReasons ?? []).filter((r) => (level <= 2 ? !r.good : level >= 4 ? r.good : true));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!level) return;
    setBusy(true);
    try {
      const item = await onSubmit({ level, reasons, comment: comment.trim() || undefined });
      setDone({ ok: true, text: item ? t('rate.badFollowUp', { code: item }) : t('rate.thanks') });
    } catch (err) {
      setDone({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  if (done?.ok)
    return (
      <div className="state state-ok" role="status" data-testid={`${idPrefix}-done`}>
        {done.text}
      </div>
    );
  return (
    <form className="form" onSubmit={submit} data-testid={`${idPrefix}-form`}>
      <fieldset className="fieldset">
        <legend>{t('rate.level')}</legend>
        <div className="hall-levels">
          {[5, 4, 3, 2, 1].map((l) => (
            <label key={l}>
              <input
                type="radio"
                name={`${idPrefix}-level`}
                value={l}
                checked={level === l}
                onChange={() => {
                  setLevel(l);
                  setReasons([]);
                }}
                data-testid={`${idPrefix}-level-${l}`}
              />{' '}
              <span>{name('ratingLevels', String(l))}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {level > 0 && (
        <fieldset className="fieldset">
          <legend>{t('rate.reasons')}</legend>
          <div className="check-list">
            {fitting.map((r) => (
              <label key={r.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={reasons.includes(r.code)}
                  onChange={(e) =>
                    setReasons(e.target.checked ? [...reasons, r.code] : reasons.filter((x) => x !== r.code))
                  }
                  data-testid={`${idPrefix}-reason-${r.code}`}
                />{' '}
                {lang === 'en' ? r.en : r.zh}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field id={`${idPrefix}-comment`} label={t('rate.comment')}>
        <textarea
          id={`${idPrefix}-comment`}
          value={comment}
          maxLength={1000}
          onChange={(e) => setComment(e.target.value)}
          data-testid={`${idPrefix}-comment`}
        />
      </Field>
      {done && !done.ok && (
        <div className="state state-error" role="alert">
          {done.text}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={!level || busy} data-testid={`${idPrefix}-submit`}>
        {t('rate.submit')}
      </button>
    </form>
  );
}
