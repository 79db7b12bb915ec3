import type { Question } from '../../api/supervision.js';
import { Field } from '../../components/Field.js';
import { useI18n } from '../../i18n/index.js';

const DATATYPES = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const;
const LISTS = ['singlevaluelist', 'multivaluelist'];

/** A question as form strings; options are one "key=名称" per line, easy to type and to review. */
export interface Draft {
  code: string;
  label: string;
  labelEn: string;
  help: string;
  helpEn: string;
  datatype: string;
  required: boolean;
  options: string;
}

export const toDraft = (q: Question): Draft => ({
  code: q.code,
  label: q.label,
  labelEn: q.labelEn ?? '',
  help: q.help ?? '',
  helpEn: q.helpEn ?? '',
  datatype: q.datatype,
  required: q.required,
  options: q.options.map((o) => `${o.key}=${o.name}${o.nameEn ? `|${o.nameEn}` : ''}`).join('\n'),
});

export function fromDraft(d: Draft) {
  const options = LISTS.includes(d.datatype)
    ? d.options
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const [key, rest = key] = l.split('=');
          const [name, nameEn] = rest.split('|');
          return { key: key.trim(), name: name.trim(), nameEn: nameEn?.trim() || null };
        })
    : undefined;
  return {
    code: d.code.trim(),
    label: d.label.trim(),
    labelEn: d.labelEn.trim() || null,
    help: d.help.trim() || null,
    helpEn: d.helpEn.trim() || null,
    datatype: d.datatype,
    required: d.required,
    ...(options ? { options } : {}),
  };
}

export function QuestionRow({
  index,
  draft: d,
  onChange,
  onMove,
}: {
  index: number;
  draft: Draft;
  onChange: (d: Draft | null) => void;
  onMove: (by: number) => void;
}) {
  const { t } = useI18n();
  const id = (f: string) => `q-${index}-${f}`;
  const set = (patch: Partial<Draft>) => onChange({ ...d, ...patch });
  return (
    <li className="panel inset" data-testid="question-row">
      <div className="grid-3">
        <Field id={id('code')} label={t('ref.code')} required hint={t('questions.codeHint')}>
          <input id={id('code')} value={d.code} maxLength={40} onChange={(e) => set({ code: e.target.value })} />
        </Field>
        <Field id={id('label')} label={t('questions.label')} required>
          <input id={id('label')} value={d.label} maxLength={200} onChange={(e) => set({ label: e.target.value })} />
        </Field>
        <Field id={id('labelEn')} label={t('ref.nameEn')}>
          <input
            id={id('labelEn')}
            value={d.labelEn}
            maxLength={200}
            onChange={(e) => set({ labelEn: e.target.value })}
          />
        </Field>
        <Field id={id('type')} label={t('questions.datatype')}>
          <select id={id('type')} value={d.datatype} onChange={(e) => set({ datatype: e.target.value })}>
            {DATATYPES.map((x) => (
              <option key={x} value={x}>
                {t(`datatype.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('help')} label={t('questions.help')}>
          <input id={id('help')} value={d.help} maxLength={500} onChange={(e) => set({ help: e.target.value })} />
        </Field>
        <Field id={id('helpEn')} label={t('questions.helpEn')}>
          <input
            id={id('helpEn')}
            value={d.helpEn}
            maxLength={1000}
            onChange={(e) => set({ helpEn: e.target.value })}
          />
        </Field>
        <div className="field checkbox">
          <input
            id={id('req')}
            type="checkbox"
            checked={d.required}
            onChange={(e) => set({ required: e.target.checked })}
          />
          <label htmlFor={id('req')}>{t('questions.required')}</label>
        </div>
      </div>
      {LISTS.includes(d.datatype) && (
        <Field id={id('options')} label={t('questions.options')} hint={t('questions.optionsHint')}>
          <textarea id={id('options')} rows={3} value={d.options} onChange={(e) => set({ options: e.target.value })} />
        </Field>
      )}
      <div className="button-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onMove(-1)}
          aria-label={t('questions.up', { n: index + 1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onMove(1)}
          aria-label={t('questions.down', { n: index + 1 })}
        >
          ↓
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={() => onChange(null)}>
          {t('common.delete')}
        </button>
      </div>
    </li>
  );
}
