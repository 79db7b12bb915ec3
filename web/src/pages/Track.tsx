import { useState, type FormEvent } from 'react';
import { getProblem, getTimeline } from '../api/problems.js';
import { isApiError } from '../api/client.js';
import type { TimelineEvent } from '../api/problems.js';
import { Async, ErrorBox, Loading } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { ProblemDetails } from '../components/ProblemDetails.js';
import { Timeline } from '../components/Timeline.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { navigate, useLocation, withQuery } from '../router.js';
import { VerifyForm } from './VerifyForm.js';

/** The evidence of the latest rectification, from the timeline (the item itself does not keep it). */
const rectifyEvidence = (events: TimelineEvent[]) => {
  const last = [...events].reverse().find((e) => e.action === 'rectify');
  return typeof last?.payload?.evidence === 'string' ? last.payload.evidence : null;
};

export function Track() {
  const { t } = useI18n();
  const { search } = useLocation();
  const qCode = search.get('code') ?? '';
  const qToken = search.get('token') ?? '';
  const [code, setCode] = useState(qCode);
  const [token, setToken] = useState(qToken);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    navigate(withQuery('/track', { code: code.trim(), token: token.trim() }), { replace: true, keepScroll: true });
  };

  return (
    <div className="page">
      <h1>{t('track.title')}</h1>
      <form className="form panel form-inline" onSubmit={submit} data-testid="track-form">
        <Field id="track-code" label={t('report.code')} required>
          <input
            id="track-code"
            value={code}
            required
            autoComplete="off"
            data-testid="track-code"
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <Field id="track-token" label={t('report.token')} hint={t('track.tokenHint')}>
          <input
            id="track-token"
            value={token}
            autoComplete="off"
            data-testid="track-token"
            onChange={(e) => setToken(e.target.value)}
          />
        </Field>
        <button type="submit" className="btn btn-primary" data-testid="track-submit">
          {t('track.submit')}
        </button>
      </form>
      {qCode && <TrackResult key={`${qCode}|${qToken}`} code={qCode} token={qToken || undefined} />}
    </div>
  );
}

function TrackResult({ code, token }: { code: string; token?: string }) {
  const { t } = useI18n();
  const item = useAsync((s) => getProblem(code, token, s), [code, token]);
  const timeline = useAsync((s) => getTimeline(code, token, s), [code, token]);
  const [verified, setVerified] = useState(false);

  if (item.loading && !item.data) return <Loading />;
  if (item.error) {
    const notFound = isApiError(item.error) && (item.error.status === 404 || item.error.status === 403);
    return notFound ? (
      <div className="state state-error" role="alert" data-testid="track-not-found">
        {t('track.notFound')}
      </div>
    ) : (
      <ErrorBox error={item.error} onRetry={item.reload} />
    );
  }
  if (!item.data) return null;
  const { problem, allowedActions } = item.data;
  const canVerify = problem.status === 'rectified' && (allowedActions.includes('verify') || !!token);

  return (
    <div className="track-result" data-testid="track-result">
      <ProblemDetails problem={problem} token={token} photos={!(canVerify && token)}>
        {verified && (
          <p className="state state-ok" role="status" data-testid="verify-done">
            {t('verify.thanks')}
          </p>
        )}
        {canVerify && token && (
          <VerifyForm
            problem={problem}
            evidence={rectifyEvidence(timeline.data?.items ?? [])}
            token={token}
            onDone={(r) => {
              item.setData(r);
              setVerified(true);
              timeline.reload();
            }}
          />
        )}
      </ProblemDetails>
      <section className="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('timeline.title')}</h2>
        <Async state={timeline}>{(d) => <Timeline events={d.items} token={token} />}</Async>
      </section>
    </div>
  );
}
