import { useState, type FormEvent } from 'react';
import { decideExtension, requestExtension } from '../../../api/supervision.js';
import type { Extension, ItemSupervision } from '../../../api/supervision.js';
import type { Role } from '../../../api/auth.js';
import { useErrorText } from '../../../components/Async.js';
import { Field, FormError } from '../../../components/Field.js';
import { type MessageKey, useI18n } from '../../../i18n/index.js';
import { formatDate } from '../../../lib/format.js';

const OVERSIGHT: Role[] = ['admin', 'supervisor'];

/** Extensions (延期): the lead unit asks with a reason; the supervision office grants or refuses. */
export function Extensions({ sup, role, onChanged }: { sup: ItemSupervision; role: Role; onChanged: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form, setForm] = useState({ reason: '', date: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = sup.extensions.find((e) => e.status === 'pending');
  const canAsk =
    ['department', ...OVERSIGHT].includes(role) &&
    ['assigned', 'in_progress', 'long_term'].includes(sup.status) &&
    !pending;

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (!form.reason.trim() || !form.date)
      return setError(t('action.missing', { fields: `${t('field.reason')} / ${t('sup.newDeadline')}` }));
    void run(() => requestExtension(sup.code, { reason: form.reason.trim(), requestedDeadline: form.date }));
  };
  const decide = (x: Extension, decision: 'grant' | 'refuse') =>
    void run(() =>
      decideExtension(sup.code, x.id, {
        decision,
        ...(decision === 'grant' ? { grantedDeadline: x.requestedDeadline } : {}),
      }),
    );

  return (
    <div className="sub-section" data-testid="extensions">
      <h3>{t('sup.extensions')}</h3>
      {sup.extensions.length > 0 && (
        <ul className="plain-list">
          {sup.extensions.map((x) => (
            <li key={x.id} data-testid="extension" data-status={x.status}>
              <strong>{t(`ext.${x.status}` as MessageKey)}</strong>{' '}
              {t('sup.extensionLine', {
                from: formatDate(x.originalDeadline),
                to: formatDate(x.grantedDeadline ?? x.requestedDeadline),
              })}
              <div className="muted">
                {x.reason}
                {x.decisionNote ? ` — ${x.decisionNote}` : ''}
              </div>
              {x.status === 'pending' && OVERSIGHT.includes(role) && (
                <div className="button-row">
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={busy}
                    onClick={() => decide(x, 'grant')}
                    data-testid="ext-grant"
                  >
                    {t('sup.grant')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    onClick={() => decide(x, 'refuse')}
                    data-testid="ext-refuse"
                  >
                    {t('sup.refuse')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAsk && (
        <form className="form form-inline" onSubmit={ask} noValidate aria-label={t('sup.askExtension')}>
          <Field id="ext-date" label={t('sup.newDeadline')}>
            <input
              id="ext-date"
              type="date"
              value={form.date}
              min={sup.deadline ?? undefined}
              onChange={(e) => setForm({ ...form, date: e.target.value })}
              data-testid="ext-date"
            />
          </Field>
          <Field id="ext-reason" label={t('field.reason')}>
            <input
              id="ext-reason"
              value={form.reason}
              maxLength={2000}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
              data-testid="ext-reason"
            />
          </Field>
          <button type="submit" className="btn" disabled={busy} data-testid="ext-ask">
            {t('sup.askExtension')}
          </button>
        </form>
      )}
      <FormError message={error} />
    </div>
  );
}
