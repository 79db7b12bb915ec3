import { useState } from 'react';
import { isApiError } from '../../api/client.js';
import { ErrorBox, Loading } from '../../components/Async.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { residentsApi, type Profile } from './api.js';
import { useResT } from './messages.js';
import './residents.css';

/** 我的反映: each report's status, next step and deadline; verify from here; link older reports. */
export default function MyReports() {
  const t = useResT();
  const { lang } = useI18n();
  const [reload, setReload] = useState(0);
  const reports = useAsync(() => residentsApi.reports(), [reload]);
  const me = useAsync(() => residentsApi.me(), []);
  if (reports.error && isApiError(reports.error) && reports.error.status === 401) {
    return (
      <div className="page narrow res-page">
        <h1>{t('mine.title')}</h1>
        <Link to="/me/signin" className="btn btn-primary" data-testid="res-go-signin">
          {t('signin.title')}
        </Link>
      </div>
    );
  }
  return (
    <div className="page narrow res-page">
      <h1>{t('mine.title')}</h1>
      {reports.loading && <Loading />}
      {Boolean(reports.error) && <ErrorBox error={reports.error} />}
      {reports.data && reports.data.items.length === 0 && <p className="muted">{t('mine.empty')}</p>}
      <ul className="res-list" data-testid="res-reports">
        {reports.data?.items.map((r) => (
          <li key={r.code} className="panel" data-testid={`res-report-${r.code}`}>
            <Link to={`/problems/${r.code}`}>
              <strong>{r.title}</strong>
            </Link>
            <div className="muted">
              {r.code} · {r.area ?? ''}
            </div>
            <div>
              {t('mine.next')}：<span data-testid="res-next">{lang === 'en' ? r.nextStep.en : r.nextStep.zh}</span>
            </div>
            {r.unit && (
              <div>
                {t('mine.unit')}：{r.unit}
              </div>
            )}
            {r.deadline && (
              <div>
                {t('mine.deadline')}：{r.deadline}
              </div>
            )}
            {r.canVerify && (
              <Link to={`/problems/${r.code}`} className="btn btn-primary" data-testid="res-verify">
                {t('mine.verify')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <Claim onDone={() => setReload((n) => n + 1)} />
      {me.data && <Prefs profile={me.data} />}
    </div>
  );
}

function Claim({ onDone }: { onDone: () => void }) {
  const t = useResT();
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="form panel"
      onSubmit={async (e) => {
        e.preventDefault();
        setError('');
        try {
          await residentsApi.claim(code.trim(), token.trim());
          setCode('');
          setToken('');
          onDone();
        } catch (err) {
          setError(isApiError(err) ? err.message : String(err));
        }
      }}
    >
      <h2>{t('mine.claim')}</h2>
      <input
        placeholder={t('mine.claimCode')}
        aria-label={t('mine.claimCode')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        data-testid="claim-code"
      />
      <input
        placeholder={t('mine.claimToken')}
        aria-label={t('mine.claimToken')}
        autoCapitalize="characters"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        data-testid="claim-token"
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn" data-testid="claim-go">
        {t('mine.claimGo')}
      </button>
    </form>
  );
}

function Prefs({ profile }: { profile: Profile }) {
  const t = useResT();
  const [notifyBy, setNotifyBy] = useState(profile.notifyBy);
  const [email, setEmail] = useState(profile.email ?? '');
  const [msg, setMsg] = useState('');
  return (
    <form
      className="form panel"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await residentsApi.saveMe({ notifyBy, email: email.trim() || null });
          setMsg(t('mine.saved'));
        } catch (err) {
          setMsg(isApiError(err) ? err.message : String(err));
        }
      }}
    >
      <h2>
        {t('mine.notify')} · {profile.phone ?? profile.email}
      </h2>
      <select value={notifyBy} onChange={(e) => setNotifyBy(e.target.value as Profile['notifyBy'])}>
        <option value="sms">{t('mine.sms')}</option>
        <option value="email">{t('mine.email')}</option>
        <option value="none">{t('mine.none')}</option>
      </select>
      <input type="email" placeholder={t('mine.emailAddr')} value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="btn">
        {t('mine.save')}
      </button>
      {msg && <span className="muted"> {msg}</span>}
    </form>
  );
}
