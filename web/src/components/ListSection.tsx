import type { ProblemQuery } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import { usePagedProblems } from '../lib/use-paged.js';
import { PagedList } from './PagedList.js';

/** A titled, paged list of items for the oversight boards. */
export function ListSection({
  title,
  query,
  testId,
  emptyText,
}: {
  title: string;
  query: ProblemQuery;
  testId: string;
  emptyText?: string;
}) {
  const { t } = useI18n();
  const paged = usePagedProblems({ limit: 10, ...query });
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <div className="section-head">
        <h2>{title}</h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={paged.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <PagedList
        paged={paged}
        testId={`${testId}-list`}
        emptyText={emptyText}
        hrefFor={(p) => `/admin/problems/${encodeURIComponent(p.code)}`}
      />
    </section>
  );
}
