import { Field } from '../../components/Field.js';
import type { HotFilter } from './api.js';
import { useHotT } from './messages.js';

export type HotWindow = Required<Pick<HotFilter, 'days' | 'sort'>>;
const SORTS = ['score', 'size', 'growth', 'support'] as const;

/** The window (7, 30, 90 days) and the order of the clusters. */
export function HotFilters({ value, onChange }: { value: HotWindow; onChange: (v: HotWindow) => void }) {
  const t = useHotT();
  return (
    <div className="hot-filters" data-testid="hot-filters">
      <Field id="hot-days" label={t('hot.days')}>
        <select
          id="hot-days"
          value={value.days}
          onChange={(e) => onChange({ ...value, days: Number(e.target.value) })}
          data-testid="hot-days"
        >
          {[7, 30, 90].map((d) => (
            <option key={d} value={d}>
              {t('hot.daysN', { n: d })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="hot-sort" label={t('hot.sort')}>
        <select
          id="hot-sort"
          value={value.sort}
          onChange={(e) => onChange({ ...value, sort: e.target.value as HotWindow['sort'] })}
          data-testid="hot-sort"
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`hot.sort.${s}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
