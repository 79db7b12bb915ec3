import type { ReactNode } from 'react';
import type { Problem } from '../api/problems.js';
import { useI18n } from '../i18n/index.js';
import type { usePagedProblems } from '../lib/use-paged.js';
import { Empty, ErrorBox, Loading } from './Async.js';
import { ProblemCard } from './ProblemCard.js';

/** A paged problem list with loading / empty / error states and a "load more" button. */
export function PagedList({
  paged,
  hrefFor,
  emptyText,
  renderExtra,
  testId = 'problem-list',
}: {
  paged: ReturnType<typeof usePagedProblems>;
  hrefFor: (p: Problem) => string;
  emptyText?: string;
  renderExtra?: (p: Problem) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const { items, loading, error, hasMore } = paged;
  if (!items.length && loading) return <Loading />;
  if (!items.length && error) return <ErrorBox error={error} onRetry={paged.reload} />;
  if (!items.length) return <Empty>{emptyText ?? t('list.empty')}</Empty>;
  return (
    <>
      {paged.total && <ListTotal n={paged.total.n} exact={paged.total.exact} />}
      <ul className="card-list" data-testid={testId} aria-busy={loading}>
        {items.map((p) => (
          <ProblemCard key={p.code} problem={p} href={hrefFor(p)}>
            {renderExtra?.(p)}
          </ProblemCard>
        ))}
      </ul>
      {error != null && <ErrorBox error={error} onRetry={paged.loadMore} />}
      {hasMore && (
        <button
          type="button"
          className="btn btn-block"
          onClick={paged.loadMore}
          disabled={loading}
          data-testid="load-more"
        >
          {loading ? t('state.loading') : t('list.loadMore')}
        </button>
      )}
    </>
  );
}

/** "共 1,845 条" / "超过 10,000 条": how many items the list holds, never a silent cap. */
export function ListTotal({ n, exact }: { n: number; exact: boolean }) {
  const { t, lang } = useI18n();
  const shown = n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
  return (
    <p className="list-total muted" data-testid="list-total" aria-live="polite">
      {t(exact ? 'list.total' : 'list.totalMore', { n: shown })}
    </p>
  );
}
