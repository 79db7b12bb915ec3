import { useState, type FormEvent } from 'react';
import { listPlanTemplates, markMilestone, planFromTemplate, savePlan } from '../../../api/supervision.js';
import type { ItemSupervision } from '../../../api/supervision.js';
import type { Role } from '../../../api/auth.js';
import { useErrorText } from '../../../components/Async.js';
import { Field, FormError } from '../../../components/Field.js';
import { useI18n } from '../../../i18n/index.js';
import { formatDate } from '../../../lib/format.js';
import { useAsync } from '../../../lib/use-async.js';

const PLANNERS: Role[] = ['admin', 'supervisor', 'department'];
const OPEN = ['assigned', 'in_progress', 'long_term'];

/** The back-scheduled plan (倒排时间): milestones with due dates, from a template or by hand. */
export function MilestonePlan({
  sup,
  role,
  onChange,
}: {
  sup: ItemSupervision;
  role: Role;
  onChange: (s: ItemSupervision) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const canPlan = PLANNERS.includes(role) && OPEN.includes(sup.status);
  const limit = sup.status === 'long_term' ? (sup.checkpointDate ?? sup.deadline) : sup.deadline;
  const templates = useAsync(() => (canPlan ? listPlanTemplates() : Promise.resolve([])), [canPlan]);
  const [template, setTemplate] = useState('standard');
  const [row, setRow] = useState({ name: '', dueDate: '', weight: '10' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (f: () => Promise<ItemSupervision>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await f());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!row.name.trim() || !row.dueDate)
      return setError(t('action.missing', { fields: `${t('sup.milestone')} / ${t('sup.due')}` }));
    // The form skips the browser's own checks (noValidate), so the deadline is checked here, as the server would.
    if (limit && row.dueDate > limit) return setError(t('sup.afterLimit', { limit }));
    const kept = sup.milestones.map((m) => ({
      name: m.name,
      dueDate: m.dueDate,
      weight: m.weight,
      done: m.doneAt !== null,
    }));
    void run(() =>
      savePlan(sup.code, [...kept, { name: row.name.trim(), dueDate: row.dueDate, weight: Number(row.weight) || 0 }]),
    ).then(() => setRow({ name: '', dueDate: '', weight: '10' }));
  };

  return (
    <div className="sub-section" data-testid="milestones">
      <h3>{t('sup.plan')}</h3>
      {!sup.milestones.length ? (
        <p className="muted">{t('sup.noPlan')}</p>
      ) : (
        <ol className="milestones">
          {sup.milestones.map((m) => (
            <li key={m.id} className={m.missed ? 'missed' : ''} data-testid="milestone">
              <input
                type="checkbox"
                id={`ms-${m.id}`}
                checked={m.doneAt !== null}
                disabled={!canPlan || busy}
                onChange={(e) => void run(() => markMilestone(sup.code, m.id, e.target.checked))}
              />
              <label htmlFor={`ms-${m.id}`}>{m.label}</label>
              <span className="muted">
                {' '}
                · {t('sup.due')} {formatDate(m.dueDate)} · {t('sup.weight')} {m.weight}
              </span>
              {m.missed && <span className="badge badge-overdue">{t('reason.missed_milestone')}</span>}
            </li>
          ))}
        </ol>
      )}
      {canPlan && (
        <>
          <div className="form-inline">
            <Field id="plan-template" label={t('sup.template')}>
              <select
                id="plan-template"
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
                data-testid="plan-template"
              >
                {(templates.data ?? []).map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {tp.label}
                  </option>
                ))}
              </select>
            </Field>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="plan-apply"
              onClick={() => void run(() => planFromTemplate(sup.code, template))}
            >
              {t('sup.applyTemplate')}
            </button>
          </div>
          <form className="form form-inline" onSubmit={add} noValidate aria-label={t('sup.addMilestone')}>
            <Field id="ms-name" label={t('sup.milestone')}>
              <input
                id="ms-name"
                value={row.name}
                maxLength={200}
                onChange={(e) => setRow({ ...row, name: e.target.value })}
                data-testid="ms-name"
              />
            </Field>
            <Field id="ms-due" label={t('sup.due')}>
              <input
                id="ms-due"
                type="date"
                value={row.dueDate}
                max={limit ?? undefined}
                onChange={(e) => setRow({ ...row, dueDate: e.target.value })}
                data-testid="ms-due"
              />
            </Field>
            <Field id="ms-weight" label={t('sup.weight')}>
              <input
                id="ms-weight"
                type="number"
                min={0}
                max={1000}
                value={row.weight}
                onChange={(e) => setRow({ ...row, weight: e.target.value })}
              />
            </Field>
            <button type="submit" className="btn" disabled={busy} data-testid="ms-add">
              {t('sup.addMilestone')}
            </button>
          </form>
        </>
      )}
      <FormError message={error} testId="plan-error" />
    </div>
  );
}
