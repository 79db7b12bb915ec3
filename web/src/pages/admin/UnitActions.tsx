import { useState } from 'react';
import { listActions } from '../../api/supervision.js';
import { Async } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { useAsync } from '../../lib/use-async.js';
import { ActionsLog } from './item/ActionsLog.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The last month's supervision actions across units, and recording one against a unit. */
export function UnitActions() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [dept, setDept] = useState('');
  const state = useAsync((s) => listActions({ from: daysAgo(31) }, s), []);
  return (
    <section className="panel" aria-labelledby="ua-h" data-testid="unit-actions">
      <h2 id="ua-h">{t('board.actions')}</h2>
      <Field id="ua-dept" label={t('board.actionUnit')}>
        <RefSelect kind="departments" id="ua-dept" value={dept} onChange={setDept} emptyLabel={t('common.all')} />
      </Field>
      <Async state={state}>
        {(items) =>
          user && (
            <ActionsLog
              actions={items.filter((a) => !dept || a.department?.id === Number(dept))}
              role={user.role}
              recordable={!!dept}
              departmentId={dept ? Number(dept) : undefined}
              onChanged={state.reload}
            />
          )
        }
      </Async>
      {!dept && <p className="muted">{t('board.pickUnit')}</p>}
    </section>
  );
}
