import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { navigate } from '../../router.js';
import { residentsApi } from './api.js';
import { useAccountT } from './account-messages.js';

/**
 * Sign-in by a one-time e-mail link. The link opens this page, which posts the token: a mail
 * scanner that fetches the link does not spend it.
 */
export function EmailSignIn() {
  const t = useAccountT();
  const params = new URLSearchParams(window.location.search);
  const link = params.get('link');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sent, setSent] = useState('');
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(isApiError(e) ? e.message : String(e));

  useEffect(() => {
    if (!link || !email) return;
    residentsApi.linkSignIn(email, link).then(() => navigate('/me'), fail);
    // Once, when the page opens from the link.
  }, []);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const r = await residentsApi.sendLink(email);
      setSent(t('email.sent').replace('{to}', r.sentTo).replace('{m}', String(r.expiresInMinutes)));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <form className="form panel" onSubmit={send} data-testid="email-signin">
      <h2>{t('email.title')}</h2>
      <p className="muted">{link ? t('email.signingIn') : t('email.lead')}</p>
      <Field id="res-email" label={t('email.address')} required>
        <input
          id="res-email"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="res-email"
        />
      </Field>
      {sent && (
        <p className="muted" data-testid="res-link-sent">
          {sent}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="res-link-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-block" data-testid="res-send-link">
        {t('email.send')}
      </button>
    </form>
  );
}
