import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../components/Field.js';
import { useErrorText } from '../components/Async.js';
import { isApiError } from '../api/client.js';
import { useI18n } from '../i18n/index.js';
import { hasStaffHint, homeFor, useAuth } from '../lib/auth.js';
import { navigate, useLocation } from '../router.js';

/** Only same-site admin paths are acceptable as a post-login destination. */
const safeNext = (next: string | null) => (next?.startsWith('/admin') && !next.startsWith('//') ? next : null);

export function Login() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { user, signIn, ensure } = useAuth();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Already signed in? Only worth asking when this browser has signed in before.
  useEffect(() => {
    if (hasStaffHint()) ensure();
  }, [ensure]);
  useEffect(() => {
    if (user) navigate(next ?? homeFor(user.role), { replace: true });
  }, [user, next]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const message =
    isApiError(error) && (error.status === 401 || error.status === 400)
      ? t('login.failed')
      : error != null
        ? errorText(error)
        : null;

  return (
    <div className="page narrow">
      <h1>{t('login.title')}</h1>
      <form className="form panel" onSubmit={submit} data-testid="login-form">
        <Field id="login-username" label={t('login.username')} required>
          <input
            id="login-username"
            value={username}
            autoComplete="username"
            required
            autoFocus
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </Field>
        <Field id="login-password" label={t('login.password')} required>
          <input
            id="login-password"
            type="password"
            value={password}
            autoComplete="current-password"
            required
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </Field>
        {message && (
          <p className="state state-error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={busy || !username || !password}
          data-testid="login-submit"
        >
          {busy ? t('common.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="muted">{t('login.publicHint')}</p>
    </div>
  );
}
