import { useState, type FormEvent, type ReactNode } from 'react';
import { createRef, updateRef, type RefKind } from '../../api/reference.js';
import { useErrorText } from '../../components/Async.js';
import { Field, FormError } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { REF_FIELDS, refBody } from './ref-config.js';

export type RefRow = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  sort: number;
  parentId?: number | null;
} & Record<string, unknown>;

/** Create or edit one reference item. */
export function RefForm({
  kind,
  row,
  onSaved,
  onCancel,
}: {
  kind: RefKind;
  row: RefRow | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, join } = useI18n();
  const errorText = useErrorText();
  const fields = REF_FIELDS[kind];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, row && row[f.name] != null ? String(row[f.name]) : ''])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: string) => (v: string) => setValues((cur) => ({ ...cur, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = fields.filter((f) => f.required && !values[f.name]?.trim());
    if (missing.length) {
      setError(t('action.missing', { fields: join(missing.map((f) => t(f.label))) }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = refBody(fields, values);
      if (row) await updateRef(kind, row.id, body);
      else await createRef(kind, body);
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel inset" onSubmit={submit} noValidate data-testid="ref-form">
      <h3>{row ? t('settings.editing', { name: row.name }) : t('settings.add')}</h3>
      <div className="grid-3">
        {fields.map((f) => {
          const id = `ref-${kind}-${f.name}`;
          let control: ReactNode;
          if (f.kind === 'parent' || f.kind === 'department') {
            control = (
              <RefSelect
                kind={f.kind === 'parent' ? kind : 'departments'}
                id={id}
                value={values[f.name]}
                onChange={set(f.name)}
                emptyLabel={t('common.none')}
                exclude={f.kind === 'parent' ? row?.id : undefined}
              />
            );
          } else if (f.kind === 'select') {
            control = (
              <select
                id={id}
                value={values[f.name]}
                onChange={(e) => set(f.name)(e.target.value)}
                required={f.required}
              >
                <option value="">{t('common.choose')}</option>
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {t(`${f.prefix ?? 'level'}.${o}` as MessageKey)}
                  </option>
                ))}
              </select>
            );
          } else {
            control = (
              <input
                id={id}
                type={f.kind === 'number' ? 'number' : 'text'}
                value={values[f.name]}
                required={f.required}
                onChange={(e) => set(f.name)(e.target.value)}
                data-testid={`ref-field-${f.name}`}
              />
            );
          }
          return (
            <Field key={f.name} id={id} label={t(f.label)} required={f.required}>
              {control}
            </Field>
          );
        })}
      </div>
      <FormError message={error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="ref-save">
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
