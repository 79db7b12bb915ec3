import { getProblem, getTimeline } from '../../api/problems.js';
import { isApiError } from '../../api/client.js';
import { ActionBar } from '../../components/ActionBar.js';
import { Async, ErrorBox, Loading } from '../../components/Async.js';
import { Comments } from '../../components/Comments.js';
import { ProblemDetails } from '../../components/ProblemDetails.js';
import { Timeline } from '../../components/Timeline.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { Link } from '../../router.js';
import { homeFor, SECTIONS, useAuth } from '../../lib/auth.js';
import { PUBLIC_STATES } from '../../../../src/lifecycle/lifecycle.js';
import { SupervisionPanel } from './item/SupervisionPanel.js';

const MODERATORS = ['admin', 'acceptance', 'supervisor'];

/** Staff view of one item: everything, the full timeline, supervision, and exactly the allowed actions. */
export function AdminProblem({ code }: { code: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const back = SECTIONS.find((x) => x.path === (user ? homeFor(user.role) : '/admin/inbox')) ?? SECTIONS[0];
  const item = useAsync((s) => getProblem(code, undefined, s), [code]);
  const timeline = useAsync((s) => getTimeline(code, undefined, s), [code]);

  if (item.loading && !item.data) return <Loading />;
  if (isApiError(item.error) && item.error.status === 404) {
    return (
      <div className="state state-error" role="alert" data-testid="not-found">
        {t('problem.notFound')}
      </div>
    );
  }
  if (item.error || !item.data) return <ErrorBox error={item.error} onRetry={item.reload} />;
  const { problem, allowedActions } = item.data;
  const isPublic = problem.isPublic && PUBLIC_STATES.includes(problem.status);

  return (
    <div className="admin-problem">
      <p className="button-row">
        <Link to={back.path}>← {t(back.key)}</Link>
        {isPublic && <Link to={`/problems/${encodeURIComponent(problem.code)}`}>{t('admin.publicPage')}</Link>}
      </p>
      {/* Reading order is also the phone order: the facts, what to do now, supervision, then history. */}
      <div className="two-col">
        <div>
          <ProblemDetails problem={problem} />
          <section className="panel" aria-labelledby="actions-h">
            <h2 id="actions-h">{t('action.title')}</h2>
            <ActionBar
              code={problem.code}
              actions={allowedActions}
              problem={problem}
              onDone={(r) => {
                item.setData(r);
                timeline.reload();
              }}
            />
          </section>
          {/* An extension moves the deadline: reload the item with the timeline. */}
          {user && (
            <SupervisionPanel
              problem={problem}
              role={user.role}
              version={timeline.data}
              onChanged={() => {
                item.reload();
                timeline.reload();
              }}
            />
          )}
        </div>
        <div>
          <section className="panel" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{t('timeline.titleFull')}</h2>
            <Async state={timeline}>{(d) => <Timeline events={d.items} />}</Async>
          </section>
          {isPublic && (
            <Comments
              code={problem.code}
              canThank={['rectified', 'verified', 'closed'].includes(problem.status)}
              moderate={!!user && MODERATORS.includes(user.role)}
              canReply={!!user && [...MODERATORS, 'department'].includes(user.role)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
