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

/** Stages name what they include, so "整改中" the stage and "整改中" the state are not two identical entries. */
const STAGE_LABELS = {
  accepted: 'filter.stage.accepted',
  in_progress: 'filter.stage.in_progress',
  rectified: 'filter.stage.rectified',
} as const;

/** Filters on a phone start folded (they filled the first screen) unless one is in use. */
const startsOpen = (v: FilterValues) =>
  [v.status, v.categoryId, v.areaId, v.departmentId, v.warning].some(Boolean) ||
  (typeof window !== 'undefined' && window.matchMedia?.('(min-width: 640px)').matches !== false);

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
  const [open] = useState(() => startsOpen(value));
  const active = [value.status, value.categoryId, value.areaId, value.departmentId, value.warning].filter(
    Boolean,
  ).length;
  const stages = statuses.filter((s) => s.includes(','));
  const states = statuses.filter((s) => !s.includes(','));

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
      <details className="filter-more" open={open}>
        <summary data-testid="filters-toggle">
          {t('list.moreFilters')}
          {active > 0 && <span className="tab-count">{t('filter.active', { n: active })}</span>}
        </summary>
        <div className="grid-5">
          <Field id="filter-status" label={t('problem.status')}>
            <select
              id="filter-status"
              value={value.status}
              onChange={(e) => set('status')(e.target.value)}
              data-testid="filter-status"
            >
              <option value="">{t('common.all')}</option>
              <optgroup label={t('filter.byStage')}>
                {stages.map((s) => (
                  <option key={s} value={s}>
                    {t(STAGE_LABELS[s.split(',')[0] as keyof typeof STAGE_LABELS])}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('filter.byState')}>
                {states.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s as 'accepted'}`)}
                  </option>
                ))}
              </optgroup>
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
