import { useI18n } from '../i18n/index.js';
import { listRef, type RefKind } from '../api/reference.js';
import { useAsync } from '../lib/use-async.js';
import { treeOrder } from '../lib/format.js';

/**
 * A single <select> over a tree of reference data, indented by depth. One labelled control is
 * easier on keyboards and screen readers than cascading selects, and any level can be chosen.
 */
export function RefSelect({
  kind,
  id,
  value,
  onChange,
  emptyLabel,
  testId,
  required,
  disabled,
  exclude,
}: {
  kind: Exclude<RefKind, 'sources' | 'tags'> | 'sources' | 'tags';
  id: string;
  value: string;
  onChange: (v: string) => void;
  emptyLabel?: string;
  testId?: string;
  required?: boolean;
  disabled?: boolean;
  exclude?: number;
}) {
  const { t, name } = useI18n();
  const state = useAsync(() => listRef(kind), [kind]);
  const rows = state.data
    ? treeOrder(
        state.data as { id: number; parentId?: number | null; sort: number; name: string; nameEn: string | null }[],
      )
    : [];
  return (
    <>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        required={required}
        disabled={disabled}
        aria-busy={state.loading}
        aria-invalid={state.error ? true : undefined}
      >
        <option value="">{state.loading ? t('state.loading') : (emptyLabel ?? t('common.all'))}</option>
        {rows
          .filter((r) => r.item.id !== exclude)
          .map(({ item, depth }) => (
            <option key={item.id} value={String(item.id)}>
              {'\u3000'.repeat(depth)}
              {name(item)}
            </option>
          ))}
      </select>
      {state.error != null && (
        <span className="field-error" role="alert">
          {t('error.refData')}{' '}
          <button type="button" className="link-button" onClick={state.reload}>
            {t('state.retry')}
          </button>
        </span>
      )}
    </>
  );
}
