import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { ErrorBox, Loading } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { formatTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { Link, navigate, useLocation, withQuery } from '../../router.js';
import { hallApi, noticePdfUrl } from './api.js';
import { useHallT } from './messages.js';
import { CaseState, useVocab } from './shared.js';
import './hall.css';

/** The applicant's view of a case, with its number and access code (from the notice or the SMS). */
export default function CaseProgress() {
  const t = useHallT();
  const { search } = useLocation();
  const no = search.get('no') ?? '';
  const token = search.get('token') ?? '';
  const [n, setN] = useState(no);
  const [tk, setTk] = useState(token);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/hall/case', { no: n.trim(), token: tk.trim() }), { replace: true });
  };
  return (
    <div className="page">
      <h1>{t('case.title')}</h1>
      <form className="form panel form-inline" onSubmit={submit}>
        <Field id="case-no" label={t('case.number')} required>
          <input id="case-no" value={n} required onChange={(e) => setN(e.target.value)} data-testid="case-no" />
        </Field>
        <Field id="case-token" label={t('case.token')} hint={t('case.tokenHint')} required>
          <input id="case-token" value={tk} required onChange={(e) => setTk(e.target.value)} data-testid="case-token" />
        </Field>
        <button type="submit" className="btn btn-primary" data-testid="case-lookup">
          {t('case.lookup')}
        </button>
      </form>
      {no && token && <Progress key={`${no}|${token}`} no={no} token={token} />}
    </div>
  );
}

function Progress({ no, token }: { no: string; token: string }) {
  const t = useHallT();
  const { name } = useVocab();
  const state = useAsync((s) => hallApi.progress(no, token, s), [no, token]);
  if (state.loading && !state.data) return <Loading />;
  if (state.error)
    return isApiError(state.error) && state.error.status === 404 ? (
      <div className="state state-error" role="alert" data-testid="case-not-found">
        {t('case.notFound')}
      </div>
    ) : (
      <ErrorBox error={state.error} onRetry={state.reload} />
    );
  const c = state.data!;
  return (
    <section className="panel" data-testid="case-progress">
      <h2>
        {c.matter.name} <CaseState status={c.status} />
      </h2>
      <dl className="dl">
        {(
          [
            ['case.number', c.number],
            ['cases.department', c.department],
            ['cases.applicant', c.applicantName],
            ['case.registered', c.registeredOn],
            ['case.accepted', c.acceptedOn ?? '—'],
            ['case.due', c.paused ? t('case.paused') : (c.dueDate ?? '—')],
            ['case.decided', c.decidedOn ?? '—'],
          ] as const
        ).map(([k, v]) => (
          <div className="dl-row" key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {c.missing.length > 0 && (
        <p data-testid="case-missing">
          <strong>{t('case.missing')}：</strong>
          {c.missing.join('、')}
        </p>
      )}
      <h3>{t('case.notices')}</h3>
      <ul className="plain-list">
        {c.notices.map((x) => (
          <li key={x.id}>
            {t(`notice.${x.kind}` as 'notice.acceptance')} {x.number} ·{' '}
            <a href={noticePdfUrl(c.number, x.id, token)} download>
              {t('case.pdf')}
            </a>
          </li>
        ))}
      </ul>
      {c.canRate && (
        <Link to={withQuery('/hall/rate', { no: c.number, token })} className="btn btn-primary" data-testid="case-rate">
          {t('case.rateNow')}
        </Link>
      )}
      {c.rating && <p>{t('case.rated', { level: name('ratingLevels', String(c.rating.level)) })}</p>}
      <h3>{t('case.timeline')}</h3>
      <ol className="timeline">
        {c.timeline.map((e, i) => (
          <li key={i} className="timeline-item">
            <span className="timeline-meta">{formatTime(e.at)}</span> {t(`ev.${e.action}` as 'ev.register')}
          </li>
        ))}
      </ol>
    </section>
  );
}
