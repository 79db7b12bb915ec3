import { useEffect, useState, type FormEvent } from 'react';
import { performAction, uploadAttachment } from '../api/problems.js';
import { listRef } from '../api/reference.js';
import { getItemSupervision, previewDeadline } from '../api/supervision.js';
import { defaultDepartmentOf, tierOf } from '../lib/suggest.js';
import type { Action } from '../../../src/lifecycle/lifecycle.js';
import type { Problem, ProblemWithActions } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import {
  actionLabel,
  fieldsFor,
  missingFields,
  toBody,
  type FormValue,
  type FormValues,
} from '../lib/action-fields.js';
import { ActionFieldInput } from './ActionFieldInput.js';
import { useErrorText } from './Async.js';
import { FormError } from './Field.js';

/**
 * Sensible starting values: current progress; for assignment the category's unit (or the inbox's
 * suggestion) and the deadline the category's time-limit tier gives today, as the server would.
 */
function useDefaults(
  action: Action,
  problem: Problem | undefined,
  given: FormValues | undefined,
  set: (v: FormValues) => void,
) {
  useEffect(() => {
    if (given) set(given);
    if (!problem) return;
    if (action === 'progress' && problem.progressPercent != null) set({ percent: String(problem.progressPercent) });
    if (action !== 'assign') return;
    const base: FormValues = { ...given };
    if (problem.leadDepartment) base.leadDepartmentId = String(problem.leadDepartment.id);
    // The item's category, or the inbox's suggestion; changing it here re-categorises the item.
    if (problem.category) base.categoryId = String(problem.category.id);
    if (problem.deadline) base.deadline = problem.deadline.slice(0, 10);
    if (problem.measures) base.measures = problem.measures;
    set(base);
    let live = true;
    void listRef('categories').then(
      async (cats) => {
        const suggested = given?.categoryId ? Number(given.categoryId) : undefined;
        const cat = cats.find((c) => c.id === (problem.category?.id ?? suggested)) ?? null;
        const extra: FormValues = {};
        const dep = defaultDepartmentOf(cat, cats);
        if (!base.leadDepartmentId && dep) extra.leadDepartmentId = String(dep);
        if (!base.deadline) extra.deadline = await previewDeadline(tierOf(cat, cats), problem.urgency).catch(() => '');
        if (live) set(extra);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, problem?.code]);
}

/** A small form for one lifecycle action; uploads files first, then posts the action. */
export function ActionForm({
  code,
  action,
  problem,
  defaults,
  onDone,
  onCancel,
}: {
  code: string;
  action: Action;
  problem?: Problem;
  /** Starting values from the page (e.g. the inbox's suggested unit or duplicate). */
  defaults?: FormValues;
  onDone: (r: ProblemWithActions) => void;
  onCancel: () => void;
}) {
  const { t, join } = useI18n();
  const errorText = useErrorText();
  const specs = fieldsFor(action);
  const [values, setValues] = useState<FormValues>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Defaults never overwrite what the user has typed meanwhile.
  useDefaults(action, problem, defaults, (v) => setValues((cur) => ({ ...v, ...cur })));

  const set = (name: string) => (v: FormValue) => setValues((cur) => ({ ...cur, [name]: v }));

  /** Rectifying with milestones still open closes them; the unit says so first (the timeline records it). */
  const confirmOpenMilestones = async () => {
    const sup = await getItemSupervision(code).catch(() => null);
    const open = sup?.milestones.filter((m) => m.doneAt === null) ?? [];
    return (
      open.length === 0 ||
      window.confirm(t('rectify.openMilestones', { n: open.length, names: join(open.map((m) => m.label)) }))
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const missing = missingFields(specs, values);
    if (missing.length) {
      setError(t('action.missing', { fields: join(missing.map((m) => t(specs.find((s) => s.name === m)!.label))) }));
      return;
    }
    if (action === 'rectify' && !(await confirmOpenMilestones())) return;
    setBusy(true);
    setError(null);
    try {
      const ids: number[] = [];
      for (const s of specs.filter((x) => x.kind === 'files')) {
        for (const file of (values[s.name] as File[] | undefined) ?? []) {
          ids.push((await uploadAttachment(code, file)).attachment.id);
        }
      }
      onDone(await performAction(code, action, toBody(specs, values, ids)));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const prefix = `af-${code}-${action}`.replace(/[^\w-]/g, '_');
  return (
    <form
      className="form action-form"
      onSubmit={submit}
      noValidate
      data-testid={`action-form-${action}`}
      aria-label={actionLabel(t, action)}
    >
      {specs.length === 0 && <p className="muted">{t('action.confirm', { action: actionLabel(t, action) })}</p>}
      {specs.map((s) => (
        <ActionFieldInput
          key={s.name}
          spec={s}
          id={`${prefix}-${s.name}`}
          value={values[s.name]}
          onChange={set(s.name)}
        />
      ))}
      <FormError message={error} testId="action-error" />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="action-submit">
          {busy ? t('common.submitting') : actionLabel(t, action)}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="action-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
