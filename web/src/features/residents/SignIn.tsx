import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { navigate } from '../../router.js';
import { residentsApi } from './api.js';
import { useResT } from './messages.js';
import { EmailSignIn } from './EmailSignIn.js';
import './residents.css';

/** Sign-in by phone and a one-time SMS code, or by an e-mail link: no password for residents. */
export default function SignIn() {
  const t = useResT();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState('');
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(isApiError(e) ? e.message : String(e));
  const send = async () => {
    setError('');
    try {
      const r = await residentsApi.sendCode(phone);
      setSent(t('signin.sent').replace('{to}', r.sentTo).replace('{m}', String(r.expiresInMinutes)));
    } catch (e) {
      fail(e);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await residentsApi.signIn(phone, code);
      navigate('/me');
    } catch (err) {
      fail(err);
    }
  };
  return (
    <div className="page narrow res-page">
      <h1>{t('signin.title')}</h1>
      <p className="muted">{t('signin.lead')}</p>
      <form className="form panel" onSubmit={submit}>
        <Field id="res-phone" label={t('signin.phone')} required>
          <div className="res-row">
            <input
              id="res-phone"
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              data-testid="res-phone"
            />
            <button type="button" className="btn" onClick={send} data-testid="res-send">
              {t('signin.send')}
            </button>
          </div>
        </Field>
        {sent && (
          <p className="muted" data-testid="res-sent">
            {sent}
          </p>
        )}
        <Field id="res-code" label={t('signin.code')} required>
          <input
            id="res-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="res-code"
          />
        </Field>
        {error && (
          <p className="error" role="alert" data-testid="res-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" data-testid="res-signin">
          {t('signin.go')}
        </button>
      </form>
      <EmailSignIn />
    </div>
  );
}
