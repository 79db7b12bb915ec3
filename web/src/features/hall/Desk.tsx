import { useEffect, useState, type FormEvent } from 'react';
import { Async, useErrorText } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { hallApi, noticePdfUrl, type Matter, type Registered } from './api.js';
import { useHallT } from './messages.js';
import { CaseTable } from './CaseTable.js';
import { NoticeBox } from './NoticeBox.js';
import { RateForm } from './RateForm.js';
import { useVocab } from './shared.js';
import './hall.css';

const WINDOW_KEY = 'qingdan.hall.window';
const storedWindow = () => {
  try {
    return localStorage.getItem(WINDOW_KEY) || 'A01';
  } catch {
    return 'A01';
  }
};

/** The window desk (综合受理窗口): any matter at any window, materials checked against the list. */
export default function Desk() {
  const t = useHallT();
  const [windowCode, setWindowCode] = useState(storedWindow);
  const [q, setQ] = useState('');
  const [matter, setMatter] = useState<Matter | null>(null);
  const [result, setResult] = useState<Registered | null>(null);
  const found = useAsync(
    (s) => (q.trim() ? hallApi.matters({ q: q.trim(), limit: 8 }, s) : Promise.resolve(null)),
    [q],
  );
  const pending = useAsync((s) => hallApi.cases({ status: 'incomplete', limit: 20 }, s), [result]);
  const recent = useAsync((s) => hallApi.cases({ window: windowCode, limit: 10 }, s), [result, windowCode]);
  useEffect(() => {
    try {
      localStorage.setItem(WINDOW_KEY, windowCode);
    } catch {
      /* private mode */
    }
  }, [windowCode]);

  return (
    <div>
      <h1>{t('desk.title')}</h1>
      <div className="panel form-inline">
        <Field id="desk-window" label={t('desk.window')}>
          <input
            id="desk-window"
            value={windowCode}
            maxLength={10}
            pattern="[A-Za-z0-9-]{1,10}"
            onChange={(e) => setWindowCode(e.target.value.toUpperCase())}
            data-testid="desk-window"
          />
        </Field>
        <Field id="desk-find" label={t('desk.matter')}>
          <input
            id="desk-find"
            value={q}
            placeholder={t('desk.findMatter')}
            onChange={(e) => setQ(e.target.value)}
            data-testid="desk-find"
          />
        </Field>
      </div>
      {found.data && (
        <ul className="hall-chips" data-testid="desk-matches">
          {found.data.items.map((m) => (
            <li key={m.code}>
              <button
                type="button"
                className={matter?.code === m.code ? 'active' : ''}
                onClick={async () => {
                  setResult(null);
                  setMatter(await hallApi.matter(m.code));
                }}
                data-testid="desk-pick"
              >
                {m.name} · {m.department.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {result ? (
        <Result result={result} onNext={() => setResult(null)} />
      ) : (
        matter && <Register key={matter.versionId} matter={matter} windowCode={windowCode} onDone={setResult} />
      )}
      <section className="panel">
        <h2>{t('desk.pending')}</h2>
        <Async state={pending}>{(p) => <CaseTable items={p.items} testId="desk-pending" />}</Async>
      </section>
      <section className="panel">
        <h2>{t('desk.recent')}</h2>
        <Async state={recent}>{(p) => <CaseTable items={p.items} testId="desk-recent" />}</Async>
      </section>
      <section className="panel" aria-labelledby="pad-h">
        <h2 id="pad-h">{t('desk.pad')}</h2>
        <p className="muted">{t('desk.padHint')}</p>
        <RateForm
          key={windowCode}
          idPrefix="pad"
          onSubmit={async (r) => (await hallApi.rateVisit({ window: windowCode, ...r })).problemCode}
        />
      </section>
    </div>
  );
}

function Register({
  matter,
  windowCode,
  onDone,
}: {
  matter: Matter;
  windowCode: string;
  onDone: (r: Registered) => void;
}) {
  const t = useHallT();
  const errorText = useErrorText();
  const { name } = useVocab();
  const [kind, setKind] = useState<'person' | 'enterprise'>(matter.audience === 'enterprise' ? 'enterprise' : 'person');
  const [who, setWho] = useState({ name: '', idNumber: '', phone: '', email: '', address: '' });
  const [received, setReceived] = useState<number[]>([]);
  const [deferred, setDeferred] = useState<Record<number, string>>({});
  const [free, setFree] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const set = (k: keyof typeof who) => (e: { target: { value: string } }) => setWho({ ...who, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      onDone(
        await hallApi.register({
          matterCode: matter.code,
          window: windowCode,
          applicant: {
            kind,
            name: who.name,
            idNumber: who.idNumber,
            ...(who.phone && { phone: who.phone }),
            ...(who.email && { email: who.email }),
            ...(who.address && { address: who.address }),
          },
          received,
          deferred: Object.entries(deferred)
            .filter(([id, d]) => d && !received.includes(Number(id)))
            .map(([id, d]) => ({ materialId: Number(id), promisedDate: d })),
          freeServices: Object.entries(free)
            .filter(([, n]) => n > 0)
            .map(([service, quantity]) => ({ service: service as 'copy', quantity })),
        }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="desk-form">
      <h2>
        {matter.name} <span className="muted">v{matter.version}</span>
      </h2>
      <fieldset className="fieldset">
        <legend>{t('desk.applicant')}</legend>
        <div className="grid-3">
          <Field id="desk-kind" label={t('desk.kind')}>
            <select
              id="desk-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as 'person')}
              data-testid="desk-kind"
            >
              <option value="person">{t('desk.person')}</option>
              <option value="enterprise">{t('desk.enterprise')}</option>
            </select>
          </Field>
          <Field id="desk-name" label={t('desk.name')} required>
            <input id="desk-name" required value={who.name} onChange={set('name')} data-testid="desk-name" />
          </Field>
          <Field id="desk-id" label={t('desk.idNumber')} required>
            <input
              id="desk-id"
              required
              autoComplete="off"
              value={who.idNumber}
              onChange={set('idNumber')}
              data-testid="desk-id"
            />
          </Field>
          <Field id="desk-phone" label={t('desk.phone')}>
            <input id="desk-phone" type="tel" value={who.phone} onChange={set('phone')} data-testid="desk-phone" />
          </Field>
          <Field id="desk-email" label={t('desk.email')}>
            <input id="desk-email" type="email" value={who.email} onChange={set('email')} />
          </Field>
          <Field id="desk-address" label={t('desk.address')}>
            <input id="desk-address" value={who.address} onChange={set('address')} />
          </Field>
        </div>
      </fieldset>
      <fieldset className="fieldset" data-testid="desk-checklist">
        <legend>{t('desk.checklist')}</legend>
        {matter.materials.map((m) => (
          <div className="hall-check-row" key={m.id}>
            <label className="checkbox hall-check-name">
              <input
                type="checkbox"
                checked={received.includes(m.id)}
                onChange={(e) =>
                  setReceived(e.target.checked ? [...received, m.id] : received.filter((x) => x !== m.id))
                }
                data-testid={`desk-material-${m.seq}`}
              />{' '}
              {m.name}（{name('materialForms', m.form)}，{m.copies}份）
            </label>
            {!m.required && !received.includes(m.id) && (
              <label>
                {t('desk.defer')}{' '}
                <input
                  type="date"
                  value={deferred[m.id] ?? ''}
                  onChange={(e) => setDeferred({ ...deferred, [m.id]: e.target.value })}
                  data-testid={`desk-defer-${m.seq}`}
                />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      {matter.freeServices.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('desk.free')}</legend>
          <div className="grid-3">
            {matter.freeServices.map((s) => (
              <Field key={s} id={`desk-free-${s}`} label={name('freeServices', s)}>
                <input
                  id={`desk-free-${s}`}
                  type="number"
                  min={0}
                  max={10000}
                  value={free[s] ?? 0}
                  onChange={(e) => setFree({ ...free, [s]: Number(e.target.value) })}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      {error && (
        <div className="state state-error" role="alert" data-testid="desk-error">
          {error}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="desk-submit">
        {t('desk.submit')}
      </button>
    </form>
  );
}

function Result({ result, onNext }: { result: Registered; onNext: () => void }) {
  const t = useHallT();
  const c = result.case;
  return (
    <section className="panel" data-testid="desk-result">
      <h2 data-testid="desk-outcome">
        {c.status === 'incomplete' ? t('desk.incomplete') : t('desk.accepted', { no: c.number })}
      </h2>
      <p>
        {t('desk.tokenOnce')}:{' '}
        <span className="hall-token" data-testid="desk-token">
          {result.trackingToken}
        </span>
      </p>
      <NoticeBox notice={result.notice} />
      <div className="button-row">
        <a
          className="btn btn-primary"
          href={noticePdfUrl(c.number, result.notice.id, result.trackingToken)}
          download
          data-testid="desk-pdf"
        >
          {t('case.pdf')}
        </a>
        <button type="button" className="btn" onClick={() => window.print()}>
          🖨
        </button>
        <Link to={`/admin/hall/cases/${encodeURIComponent(c.number)}`} className="btn" data-testid="desk-open">
          {t('desk.openCase')} {c.number}
        </Link>
        <button type="button" className="btn btn-ghost" onClick={onNext}>
          ↺
        </button>
      </div>
    </section>
  );
}
