import { useState, type FormEvent } from 'react';
import { recordAction } from '../../../api/supervision.js';
import { ACTION_KINDS, type SupervisionAction } from '../../../api/supervision.js';
import type { Role } from '../../../api/auth.js';
import { useErrorText } from '../../../components/Async.js';
import { Field, FormError } from '../../../components/Field.js';
import { useI18n } from '../../../i18n/index.js';
import { formatDate } from '../../../lib/format.js';

const RECORDERS: Role[] = ['admin', 'supervisor', 'leader'];

/** Supervision actions (催办, 督办函, 约谈, 通报, 挂牌督办) on an item or a unit, and the form to record one. */
export function ActionsLog({
  code,
  departmentId,
  actions,
  role,
  onChanged,
  recordable = true,
}: {
  code?: string;
  departmentId?: number;
  actions: SupervisionAction[];
  role: Role;
  onChanged: () => void;
  /** False while there is nothing to record against (no unit picked). */
  recordable?: boolean;
}) {
  const { t, join } = useI18n();
  const errorText = useErrorText();
  const [form, setForm] = useState<{ kind: (typeof ACTION_KINDS)[number]; text: string; people: string }>({
    kind: 'reminder',
    text: '',
    people: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Boards can carry months of automatic reminders: show the latest few until asked for all.
  const [all, setAll] = useState(false);
  const shown = all ? actions : actions.slice(0, 8);
  // On an item, letters and summons are numbered records with a reply (the 发督办函 link); the
  // free-text log keeps them only for a unit as a whole, which has no item to attach them to.
  const kinds = code ? ACTION_KINDS.filter((k) => k !== 'letter' && k !== 'summons') : ACTION_KINDS;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.text.trim()) return setError(t('action.missing', { fields: t('field.text') }));
    setBusy(true);
    setError(null);
    try {
      const people = form.people
        .split(/[,，、]/)
        .map((p) => p.trim())
        .filter(Boolean);
      await recordAction({
        kind: form.kind,
        problemCode: code,
        departmentId,
        text: form.text.trim(),
        people: people.length ? people : undefined,
      });
      setForm({ ...form, text: '', people: '' });
      onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sub-section" data-testid="supervision-actions">
      <h3>{t('sup.actions')}</h3>
      {!actions.length ? (
        <p className="muted">{t('sup.noActions')}</p>
      ) : (
        <ul className="plain-list">
          {shown.map((a) => (
            <li key={a.id} data-testid="supervision-action">
              <strong>{t(`supKind.${a.kind}` as 'supKind.reminder')}</strong> · {formatDate(a.date)}
              {a.department && <> · {a.department.name}</>}
              {a.problem && !code && <> · {a.problem.code}</>}
              {a.automatic && <span className="badge">{t('sup.automatic')}</span>}
              <div>{a.text}</div>
              {a.people.length > 0 && <div className="muted">{join(a.people)}</div>}
            </li>
          ))}
        </ul>
      )}
      {actions.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)} data-testid="actions-all">
          {t('sup.allActions', { n: actions.length })}
        </button>
      )}
      {recordable && RECORDERS.includes(role) && (
        <form
          className="form"
          onSubmit={submit}
          noValidate
          aria-label={t('sup.record')}
          data-testid="action-record-form"
        >
          <div className="grid-2">
            <Field id={`sa-kind-${code ?? departmentId}`} label={t('sup.kind')}>
              <select
                id={`sa-kind-${code ?? departmentId}`}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value as (typeof ACTION_KINDS)[number] })}
                data-testid="sa-kind"
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`supKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`sa-people-${code ?? departmentId}`} label={t('sup.people')} hint={t('sup.peopleHint')}>
              <input
                id={`sa-people-${code ?? departmentId}`}
                value={form.people}
                onChange={(e) => setForm({ ...form, people: e.target.value })}
              />
            </Field>
          </div>
          <Field id={`sa-text-${code ?? departmentId}`} label={t('field.text')} required>
            <textarea
              id={`sa-text-${code ?? departmentId}`}
              rows={2}
              value={form.text}
              maxLength={10000}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
              data-testid="sa-text"
            />
          </Field>
          <FormError message={error} />
          <button type="submit" className="btn" disabled={busy} data-testid="sa-submit">
            {t('sup.record')}
          </button>
        </form>
      )}
    </div>
  );
}
