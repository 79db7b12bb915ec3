import { ProblemFilters, STATUS_GROUPS, type FilterValues } from '../components/ProblemFilters.js';
import { PagedList } from '../components/PagedList.js';
import { useI18n } from '../i18n/index.js';
import { usePagedProblems } from '../lib/use-paged.js';
import { useAsync } from '../lib/use-async.js';
import { getSummary } from '../api/stats.js';
import { navigate, useLocation, withQuery } from '../router.js';

const KEYS: (keyof FilterValues)[] = ['status', 'categoryId', 'areaId', 'departmentId', 'warning', 'q', 'sort'];

/** Public problem list; filters live in the URL so a view can be shared and survives reloads. */
export function ProblemList() {
  const { t } = useI18n();
  const { search } = useLocation();
  const filters = Object.fromEntries(KEYS.map((k) => [k, search.get(k) ?? ''])) as unknown as FilterValues;
  // With a text query the default order is relevance; without one, the latest updates.
  if (!filters.sort) filters.sort = filters.q ? 'relevance' : 'updated_desc';
  if (filters.sort === 'relevance' && !filters.q) filters.sort = 'updated_desc';

  const paged = usePagedProblems({
    status: filters.status || undefined,
    categoryId: filters.categoryId || undefined,
    areaId: filters.areaId || undefined,
    departmentId: filters.departmentId || undefined,
    warning: filters.warning || undefined,
    q: filters.q || undefined,
    sort: filters.sort === 'relevance' ? undefined : filters.sort,
    limit: 20,
  });

  // The list pages by cursor; the summary, asked with the same filters, counts what they match.
  const countQuery = {
    status: filters.status || undefined,
    categoryId: filters.categoryId || undefined,
    areaId: filters.areaId || undefined,
    departmentId: filters.departmentId || undefined,
    warning: filters.warning || undefined,
    q: filters.q || undefined,
  };
  const count = useAsync((s) => getSummary(s, countQuery), [JSON.stringify(countQuery)]);

  const change = (v: FilterValues) => {
    const implied = v.q ? 'relevance' : 'updated_desc';
    navigate(withQuery('/problems', { ...v, sort: v.sort === implied ? '' : v.sort }), {
      replace: true,
      keepScroll: true,
    });
  };

  return (
    <div className="page">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <ProblemFilters value={filters} onChange={change} statuses={STATUS_GROUPS.public} />
      <div aria-live="polite">
        <p className="result-count" data-testid="result-count">
          {count.data ? t('list.count', { n: count.data.found }) : '\u00a0'}
        </p>
        <PagedList paged={paged} hrefFor={(p) => `/problems/${encodeURIComponent(p.code)}`} />
      </div>
    </div>
  );
}
