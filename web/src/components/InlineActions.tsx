import { useState } from 'react';
import type { Action } from '../../../src/lifecycle/lifecycle.js';
import type { Problem } from '../api/problems.js';
import type { User } from '../api/auth.js';
import { useI18n } from '../i18n/index.js';
import { allowedActions } from '../../../src/lifecycle/lifecycle.js';
import { ActionBar } from './ActionBar.js';
import type { FormValues } from '../lib/action-fields.js';

/**
 * Quick actions on a list row. Lists don't carry allowedActions, so the shared lifecycle table
 * predicts them from the row's state and the user's role; the server still decides (409 → message).
 */
export function InlineActions({
  problem,
  user,
  only,
  defaults,
  onChanged,
}: {
  problem: Problem;
  user: User;
  only: readonly Action[];
  defaults?: Partial<Record<Action, FormValues>>;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(problem);
  const [open, setOpen] = useState(false);
  const inLead = user.departmentId != null && current.leadDepartment?.id === user.departmentId;
  const inCo = user.departmentId != null && current.coDepartments?.some((d) => d.id === user.departmentId);
  const actions = allowedActions(current.status, {
    role: user.role,
    inLeadScope: inLead || user.role === 'admin',
    inCoScope: inCo,
    hasToken: false,
    isOwnerLeader: false,
  }).filter((a) => only.includes(a));
  if (!actions.length) return null;
  return (
    <div className="inline-actions">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="quick-actions"
      >
        {open ? t('action.hide') : t('action.quick')}
      </button>
      {open && (
        <ActionBar
          code={current.code}
          actions={actions}
          problem={current}
          defaults={defaults}
          onDone={(r) => {
            setCurrent(r.problem);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
