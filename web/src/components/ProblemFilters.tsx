import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { Field } from './Field.js';
import { RefSelect } from './RefSelect.js';

export interface FilterValues {
  status: string;
  categoryId: string;
  areaId: string;
  departmentId: string;
  warning: string;
  q: string;
  sort: string;
}

export const STATUS_GROUPS = {
  public: [
    'accepted,assigned',
    'in_progress,long_term',
    'rectified,verified,closed',
    'accepted',
    'assigned',
    'in_progress',
    'long_term',
    'rectified',
    'verified',
    'closed',
  ],
} as const;

/** 'relevance' sends no sort: with a text query the server then ranks by relevance. */
const SORTS = ['relevance', 'updated_desc', 'created_desc', 'created_asc', 'deadline_asc'] as const;

/** Filters for a problem list. Search text applies on submit; selects apply at once. */
export function ProblemFilters({
  value,
  onChange,
  statuses,
}: {
  value: FilterValues;
  onChange: (v: FilterValues) => void;
  statuses: readonly string[];
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  const set = (k: keyof FilterValues) => (v: string) => onChange({ ...value, [k]: v });
  const statusLabel = (s: string) =>
    s.includes(',')
      ? t(`statusGroup.${s.split(',')[0] as 'accepted' | 'in_progress' | 'rectified'}`)
      : t(`status.${s as 'accepted'}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A new text query lists by relevance unless the user picks another order.
    onChange({ ...value, q: q.trim(), sort: q.trim() && !value.q ? 'relevance' : value.sort });
  };

  return (
    <form className="filters panel" onSubmit={submit} role="search" data-testid="filters">
      <div className="search-row">
        <Field id="filter-q" label={t('list.search')}>
          <input
            id="filter-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('list.searchPlaceholder')}
            data-testid="search-q"
          />
        </Field>
        <button type="submit" className="btn btn-primary" data-testid="search-submit">
          {t('list.searchButton')}
        </button>
      </div>
      {/* Open by default (controls stay reachable); a phone user may fold them away. */}
      <details className="filter-more" open>
        <summary data-testid="filters-toggle">{t('list.moreFilters')}</summary>
        <div className="grid-5">
          <Field id="filter-status" label={t('problem.status')}>
            <select
              id="filter-status"
              value={value.status}
              onChange={(e) => set('status')(e.target.value)}
              data-testid="filter-status"
            >
              <option value="">{t('common.all')}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filter-category" label={t('problem.category')}>
            <RefSelect
              kind="categories"
              id="filter-category"
              value={value.categoryId}
              onChange={set('categoryId')}
              testId="filter-category"
            />
          </Field>
          <Field id="filter-area" label={t('problem.area')}>
            <RefSelect
              kind="areas"
              id="filter-area"
              value={value.areaId}
              onChange={set('areaId')}
              testId="filter-area"
            />
          </Field>
          <Field id="filter-department" label={t('problem.leadDepartment')}>
            <RefSelect
              kind="departments"
              id="filter-department"
              value={value.departmentId}
              onChange={set('departmentId')}
              testId="filter-department"
            />
          </Field>
          <Field id="filter-warning" label={t('list.warning')}>
            <select
              id="filter-warning"
              value={value.warning}
              onChange={(e) => set('warning')(e.target.value)}
              data-testid="filter-warning"
            >
              <option value="">{t('common.all')}</option>
              {(['red', 'yellow', 'blue'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`warning.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filter-sort" label={t('list.sort')}>
            <select
              id="filter-sort"
              value={value.sort}
              onChange={(e) => set('sort')(e.target.value)}
              data-testid="sort-select"
            >
              {SORTS.filter((s) => s !== 'relevance' || value.q).map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </details>
    </form>
  );
}
