import type { ReactNode } from 'react';
import { listRef } from '../api/reference.js';
import { listLeaders } from '../api/supervision.js';
import { useI18n } from '../i18n/index.js';
import type { FieldSpec, FormValue } from '../lib/action-fields.js';
import { useAsync } from '../lib/use-async.js';
import { treeOrder } from '../lib/format.js';
import { VERIFY_RESULTS } from '../../../src/lifecycle/lifecycle.js';
import { Field } from './Field.js';
import { PhotoPicker, PHOTO_TYPES } from './PhotoPicker.js';
import { RefSelect } from './RefSelect.js';

const METHODS = ['reporter', 'callback', 'residents_acceptance'] as const;

/** One input of an action form, chosen by the field's kind. */
export function ActionFieldInput({
  spec,
  id,
  value,
  onChange,
}: {
  spec: FieldSpec;
  id: string;
  value: FormValue | undefined;
  onChange: (v: FormValue) => void;
}) {
  const { t } = useI18n();
  const str = typeof value === 'string' ? value : '';
  const testId = `action-field-${spec.name}`;
  const common = { id, required: spec.required, 'data-testid': testId };
  const label = t(spec.label);

  if (spec.kind === 'departments') {
    return <DepartmentChecks label={label} value={(value as string[]) ?? []} onChange={onChange} testId={testId} />;
  }
  let control: ReactNode;
  switch (spec.kind) {
    case 'textarea':
      control = (
        <textarea {...common} rows={3} maxLength={5000} value={str} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'date':
      control = <input {...common} type="date" value={str} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'percent':
      control = (
        <input
          {...common}
          type="number"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'category':
    case 'department':
      control = (
        <RefSelect
          kind={spec.kind === 'category' ? 'categories' : 'departments'}
          id={id}
          value={str}
          onChange={onChange}
          testId={testId}
          required={spec.required}
          emptyLabel={t('common.choose')}
        />
      );
      break;
    case 'leader':
      control = <LeaderSelect id={id} value={str} onChange={onChange} testId={testId} />;
      break;
    case 'result':
      control = (
        <select {...common} value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {VERIFY_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`verify.${r}`)}
            </option>
          ))}
        </select>
      );
      break;
    case 'method':
      control = (
        <select {...common} value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`verifyMethod.${m}`)}
            </option>
          ))}
        </select>
      );
      break;
    case 'files':
      control = (
        <PhotoPicker
          id={id}
          files={(value as File[]) ?? []}
          onChange={onChange}
          types={[...PHOTO_TYPES, 'application/pdf']}
        />
      );
      break;
    default:
      control = <input {...common} value={str} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <Field id={id} label={label} required={spec.required}>
      {control}
    </Field>
  );
}

function DepartmentChecks({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  const { t, name } = useI18n();
  const state = useAsync(() => listRef('departments'), []);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className="fieldset checks" data-testid={testId}>
      <legend>{label}</legend>
      {state.loading && <span className="muted">{t('state.loading')}</span>}
      {state.error != null && <span className="field-error">{t('error.refData')}</span>}
      <div className="check-list">
        {state.data &&
          treeOrder(state.data).map(({ item, depth }) => (
            <div key={item.id} className="checkbox" style={{ paddingInlineStart: `${depth}em` }}>
              <input
                type="checkbox"
                id={`${testId}-${item.id}`}
                checked={value.includes(String(item.id))}
                onChange={(e) => toggle(String(item.id), e.target.checked)}
              />
              <label htmlFor={`${testId}-${item.id}`}>{name(item)}</label>
            </div>
          ))}
      </div>
    </fieldset>
  );
}

/** Owner leaders (领办) from /leaders, which every staff role may read. */
function LeaderSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const state = useAsync(() => listLeaders(), []);
  return (
    <>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        disabled={state.loading}
      >
        <option value="">{state.loading ? t('state.loading') : t('common.none')}</option>
        {(state.data ?? []).map((u) => (
          <option key={u.id} value={String(u.id)}>
            {u.displayName}
          </option>
        ))}
      </select>
      {state.error != null && (
        <span className="field-error" role="alert">
          {t('error.refData')}
        </span>
      )}
    </>
  );
}
