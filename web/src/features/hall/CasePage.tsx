import { useState } from 'react';
import { Async, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAuth } from '../../lib/auth.js';
import { formatTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { api } from '../../api/client.js';
import { hallApi, noticePdfUrl, type Case } from './api.js';
import { useHallT } from './messages.js';
import { NoticeBox } from './NoticeBox.js';
import { RateForm } from './RateForm.js';
import { CaseState, useVocab, WarningDot, yuan } from './shared.js';
import './hall.css';

const NEEDS_REASON = ['request_supplement', 'refuse', 'withdraw'];

/** A case in the back office: materials, clock, the next steps, notices, rating, history. */
export default function CasePage({ params }: { params: Record<string, string> }) {
  const state = useAsync((s) => hallApi.case(params.no, s), [params.no]);
  return <Async state={state}>{(c) => <CaseBody c={c} onChange={state.setData} />}</Async>;
}

function CaseBody({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const t = useHallT();
  const { name } = useVocab();
  const { user } = useAuth();
  const errorText = useErrorText();
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<'window' | 'post'>('window');
  const [picked, setPicked] = useState<number[]>([]);
  const [id, setId] = useState<string | null>(null);
  const events = useAsync(
    (s) =>
      api.get<{
        items: { id: number; action: string; actorName: string | null; toState: string | null; createdAt: string }[];
      }>(`/api/v1/applications/${encodeURIComponent(c.number)}/events`, { signal: s }),
    [c],
  );
  const run = async (label: string, fn: () => Promise<Case>) => {
    setMsg(null);
    try {
      onChange(await fn());
      setMsg({ ok: true, text: t('action.done', { action: label }) });
      setReason('');
      setPicked([]);
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const open = c.materials.filter((m) => m.state !== 'received');
  const actions = c.allowedActions.filter((a) => a !== 'supply');
  const atWindow = user && ['admin', 'acceptance'].includes(user.role);
  return (
    <div data-testid="hall-case">
      <h1>
        {c.matter.name} <CaseState status={c.status} /> <WarningDot level={c.warning.level} />
      </h1>
      <dl className="dl panel">
        {(
          [
            [
              'case.number',
              <span key="n" data-testid="case-number">
                {c.number}
              </span>,
            ],
            ['cases.department', c.department.name],
            ['cases.window', `${c.window} · ${c.clerk.name}`],
            ['cases.applicant', `${c.applicant.name} · ${id ?? c.applicant.idMasked} · ${c.applicant.phone ?? ''}`],
            ['case.registered', c.registeredOn],
            ['case.accepted', c.acceptedOn ?? '—'],
            ['case.due', c.paused ? t('case.paused') : `${c.dueDate ?? '—'}（${c.promisedDays}）`],
            ['case.decided', c.decidedOn ? `${c.decidedOn} · ${c.workingDaysUsed} / ${c.promisedDays}` : '—'],
          ] as const
        ).map(([k, v]) => (
          <div className="dl-row" key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {!id && user && ['admin', 'acceptance', 'department'].includes(user.role) && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={async () => setId((await hallApi.identity(c.number)).idNumber)}
        >
          {t('case.showId')}
        </button>
      )}
      <section className="panel">
        <h2>{t('desk.checklist')}</h2>
        {c.materials.map((m) => (
          <div className="hall-check-row" key={m.id}>
            {c.allowedActions.includes('supply') && m.state !== 'received' ? (
              <label className="checkbox hall-check-name">
                <input
                  type="checkbox"
                  checked={picked.includes(m.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, m.id] : picked.filter((x) => x !== m.id))}
                  data-testid={`supply-${m.id}`}
                />{' '}
                {m.name}
              </label>
            ) : (
              <span className="hall-check-name">{m.name}</span>
            )}
            <span className="muted">
              {name('materialForms', m.form)} · {m.copies}
            </span>
            <span
              className={`badge ${m.state === 'received' ? '' : 'badge-overdue'}`}
              data-testid={`material-state-${m.id}`}
            >
              {t(`mat.${m.state}` as 'mat.received')}
              {m.promisedDate ? ` → ${m.promisedDate}` : ''}
            </span>
          </div>
        ))}
        {c.allowedActions.includes('supply') && open.length > 0 && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={!picked.length}
            onClick={() => run(t('action.supply'), () => hallApi.supply(c.number, picked))}
            data-testid="case-supply"
          >
            {t('action.supply')}
          </button>
        )}
      </section>
      {actions.length > 0 && (
        <section className="panel form" data-testid="case-actions">
          <div className="grid-2">
            <Field id="case-reason" label={t('action.reason')}>
              <textarea
                id="case-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="case-reason"
              />
            </Field>
            {actions.includes('issue') && (
              <Field id="case-method" label={t('action.method')}>
                <select id="case-method" value={method} onChange={(e) => setMethod(e.target.value as 'post')}>
                  <option value="window">{t('action.window')}</option>
                  <option value="post">{t('action.post')}</option>
                </select>
              </Field>
            )}
          </div>
          <div className="button-row">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={`btn ${a === 'refuse' || a === 'withdraw' ? 'btn-danger' : 'btn-primary'}`}
                disabled={NEEDS_REASON.includes(a) && !reason.trim()}
                onClick={() =>
                  run(t(`action.${a}` as 'action.review'), () =>
                    hallApi.act(c.number, a, {
                      ...(reason.trim() && { reason: reason.trim() }),
                      ...(a === 'issue' && { method }),
                    }),
                  )
                }
                data-testid={`case-action-${a}`}
              >
                {t(`action.${a}` as 'action.review')}
              </button>
            ))}
          </div>
        </section>
      )}
      {msg && (
        <div
          className={`state ${msg.ok ? 'state-ok' : 'state-error'}`}
          role={msg.ok ? 'status' : 'alert'}
          data-testid="case-msg"
        >
          {msg.text}
        </div>
      )}
      <section className="panel">
        <h2>{t('case.notices')}</h2>
        {c.notices.map((n) => (
          <details key={n.id}>
            <summary>
              {n.title} {n.number} · {formatTime(n.createdAt)} ·{' '}
              <a href={noticePdfUrl(c.number, n.id)} download data-testid={`notice-pdf-${n.kind}`}>
                {t('case.pdf')}
              </a>
            </summary>
            <NoticeBox notice={n} />
          </details>
        ))}
      </section>
      <section className="panel">
        <h2>{t('hall.ratings')}</h2>
        {c.rating ? (
          <p data-testid="case-rating">
            {name('ratingLevels', String(c.rating.level))} ·{' '}
            {c.rating.reasons.map((r) => name('ratingReasons', r)).join('、')} {c.rating.comment}
            {c.rating.problemCode && (
              <>
                {' '}
                · {t('case.item')}{' '}
                <Link to={`/admin/problems/${c.rating.problemCode}`} data-testid="case-item">
                  {c.rating.problemCode}
                </Link>{' '}
                ({c.rating.problemStatus})
              </>
            )}
          </p>
        ) : c.status === 'issued' && atWindow ? (
          <RateForm idPrefix="case-pad" onSubmit={async (r) => (await hallApi.rate(c.number, r)).problemCode} />
        ) : (
          <p className="muted">—</p>
        )}
        {c.freeServices.length > 0 && (
          <p>
            {t('case.free')}：
            {c.freeServices
              .map((f) => `${name('freeServices', f.service)} ×${f.quantity}（${yuan(f.quantity * f.unitFen)} 元）`)
              .join('、')}
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{t('case.timeline')}</h2>
        <Async state={events}>
          {(e) => (
            <ol className="timeline" data-testid="case-timeline">
              {e.items.map((x) => (
                <li key={x.id} className="timeline-item">
                  <span className="timeline-meta">
                    {formatTime(x.createdAt)} · {x.actorName}
                  </span>{' '}
                  {t(`ev.${x.action}` as 'ev.register')}
                  {x.toState ? ` → ${t(`state.${x.toState}` as 'state.issued')}` : ''}
                </li>
              ))}
            </ol>
          )}
        </Async>
      </section>
    </div>
  );
}
