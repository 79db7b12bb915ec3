import { useState } from 'react';
import type { Action } from '../../../src/lifecycle/lifecycle.js';
import type { Problem, ProblemWithActions } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import { ActionForm } from './ActionForm.js';
import { actionLabel, type FormValues } from '../lib/action-fields.js';

/** One button per allowed action; a button opens that action's form below the bar. */
export function ActionBar({
  code,
  actions,
  problem,
  defaults,
  onDone,
}: {
  code: string;
  actions: readonly Action[];
  problem?: Problem;
  defaults?: Partial<Record<Action, FormValues>>;
  onDone: (r: ProblemWithActions) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState<Action | null>(null);
  if (!actions.length)
    return (
      <p className="muted" data-testid="no-actions">
        {t('action.none')}
      </p>
    );
  return (
    <div className="action-bar" data-testid="action-bar">
      <div className="button-row" role="group" aria-label={t('action.title')}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn${open === a ? ' btn-primary' : ''}`}
            aria-expanded={open === a}
            onClick={() => {
              setOpen(open === a ? null : a);
              setDone(null);
            }}
            data-testid={`action-${a}`}
          >
            {actionLabel(t, a)}
          </button>
        ))}
      </div>
      {done && (
        <p className="state state-ok" role="status" data-testid="action-done">
          {t('action.done', { action: actionLabel(t, done) })}
        </p>
      )}
      {open && (
        <ActionForm
          key={open}
          code={code}
          action={open}
          problem={problem}
          defaults={defaults?.[open]}
          onCancel={() => setOpen(null)}
          onDone={(r) => {
            setDone(open);
            setOpen(null);
            onDone(r);
          }}
        />
      )}
    </div>
  );
}
