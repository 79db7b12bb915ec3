import type { ReactNode } from 'react';
import { getProblem, getTimeline } from '../api/problems.js';
import { isApiError } from '../api/client.js';
import { Async, ErrorBox, Loading } from '../components/Async.js';
import { Comments } from '../components/Comments.js';
import { FeatureItemPanels } from '../components/FeatureFigures.js';
import { ProblemDetails } from '../components/ProblemDetails.js';
import { Timeline } from '../components/Timeline.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';
import { Link } from '../router.js';

/** Public page of one item: facts, public timeline, comments & thanks. */
export function ProblemPage({ code }: { code: string }) {
  const { t } = useI18n();
  const item = useAsync((s) => getProblem(code, undefined, s), [code]);
  const timeline = useAsync((s) => getTimeline(code, undefined, s), [code]);

  let body: ReactNode;
  if (item.loading && !item.data) body = <Loading />;
  else if (isApiError(item.error) && item.error.status === 404) {
    body = (
      <div className="state state-error" role="alert" data-testid="not-found">
        {t('problem.notFound')}
      </div>
    );
  } else if (item.error) body = <ErrorBox error={item.error} onRetry={item.reload} />;
  else if (item.data) {
    body = (
      <>
        <ProblemDetails problem={item.data.problem} />
        <FeatureItemPanels code={item.data.problem.code} />
        <section className="panel" aria-labelledby="timeline-h">
          <h2 id="timeline-h">{t('timeline.title')}</h2>
          <Async state={timeline}>{(d) => <Timeline events={d.items} />}</Async>
        </section>
        <Comments
          code={item.data.problem.code}
          canThank={['rectified', 'verified', 'closed'].includes(item.data.problem.status)}
        />
      </>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/problems">← {t('list.back')}</Link>
      </p>
      {body}
    </div>
  );
}
