import { useState } from 'react';
import { InlineActions } from '../../components/InlineActions.js';
import { PagedList } from '../../components/PagedList.js';
import { Field } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { useI18n } from '../../i18n/index.js';
import { useAuth } from '../../lib/auth.js';
import { usePagedProblems } from '../../lib/use-paged.js';
import { TodoPanel } from './TodoPanel.js';
import { WarningBoard } from './WarningBoard.js';

const WORK = ['sign', 'return', 'progress', 'rectify'] as const;
const VIEWS = {
  todo: 'assigned',
  doing: 'in_progress,long_term',
  done: 'rectified,verified,closed',
} as const;

/** Department workspace: the to-do first (sign, plan, weekly report, rectify), then warnings, then items by stage. */
export function Workspace() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [view, setView] = useState<keyof typeof VIEWS>('todo');
  const [dept, setDept] = useState(user?.departmentId ? String(user.departmentId) : '');
  const paged = usePagedProblems({
    status: VIEWS[view],
    departmentId: dept || undefined,
    sort: 'deadline_asc',
    limit: 20,
  });

  return (
    <div>
      <h1>{t('nav.workspace')}</h1>
      {user?.role !== 'admin' && !user?.departmentId && (
        <p className="state state-error">{t('workspace.noDepartment')}</p>
      )}
      {user?.role === 'admin' && (
        <div className="panel form-inline">
          <Field id="workspace-dept" label={t('problem.leadDepartment')}>
            <RefSelect kind="departments" id="workspace-dept" value={dept} onChange={setDept} testId="workspace-dept" />
          </Field>
        </div>
      )}
      <TodoPanel departmentId={dept ? Number(dept) : undefined} />
      <section className="panel" aria-labelledby="warned-h" data-testid="workspace-warnings">
        <h2 id="warned-h">{t('workspace.warned')}</h2>
        <WarningBoard testId="ws-warnings" />
      </section>
      <h2>{t('workspace.mine')}</h2>
      <div className="panel form-inline">
        <div className="tabs" role="group" aria-label={t('workspace.view')}>
          {(Object.keys(VIEWS) as (keyof typeof VIEWS)[]).map((v) => (
            <button
              key={v}
              type="button"
              className={`tab${view === v ? ' active' : ''}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
              data-testid={`workspace-${v}`}
            >
              {t(`workspace.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">{t('workspace.hint')}</p>
      <PagedList
        paged={paged}
        testId="workspace-list"
        emptyText={t('workspace.empty')}
        hrefFor={(p) => `/admin/problems/${encodeURIComponent(p.code)}`}
        renderExtra={(p) => user && <InlineActions problem={p} user={user} only={WORK} onChanged={paged.reload} />}
      />
    </div>
  );
}
