import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/auth.js';
import { useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';

/** The signed-in user's own password. */
export function Account() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) return setMsg({ ok: false, text: t('account.mismatch') });
    setBusy(true);
    try {
      await changePassword(current, next);
      setMsg({ ok: true, text: t('account.changed') });
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('nav.account')}</h1>
      <form className="form panel" onSubmit={submit}>
        <h2>{t('account.changePassword')}</h2>
        <Field id="acc-current" label={t('account.current')} required>
          <input
            id="acc-current"
            type="password"
            autoComplete="current-password"
            value={current}
            required
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field id="acc-new" label={t('account.new')} required>
          <input
            id="acc-new"
            type="password"
            autoComplete="new-password"
            value={next}
            required
            minLength={8}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <Field id="acc-again" label={t('account.again')} required>
          <input
            id="acc-again"
            type="password"
            autoComplete="new-password"
            value={again}
            required
            onChange={(e) => setAgain(e.target.value)}
          />
        </Field>
        {msg && (
          <p className={msg.ok ? 'state state-ok' : 'state state-error'} role={msg.ok ? 'status' : 'alert'}>
            {msg.text}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !current || !next}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
