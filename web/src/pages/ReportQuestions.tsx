import { useEffect } from 'react';
import { getQuestions } from '../api/supervision.js';
import type { Question } from '../api/supervision.js';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../lib/use-async.js';

export type AnswerValues = Record<string, string | string[]>;

/** Codes of required questions left blank. */
export function missingAnswers(questions: Question[], values: AnswerValues): string[] {
  return questions
    .filter((q) => q.required)
    .filter((q) => {
      const v = values[q.code];
      return v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');
    })
    .map((q) => q.code);
}

/** Form strings → the API's answers: numbers as numbers, local date-times as instants, lists as keys. */
export function toAnswers(
  questions: Question[],
  values: AnswerValues,
): Record<string, string | number | string[]> | undefined {
  const out: Record<string, string | number | string[]> = {};
  for (const q of questions) {
    const v = values[q.code];
    if (v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '')) continue;
    if (Array.isArray(v)) out[q.code] = v;
    else if (q.datatype === 'number') out[q.code] = Number(v);
    else if (q.datatype === 'datetime') out[q.code] = new Date(v).toISOString();
    else out[q.code] = v.trim();
  }
  return Object.keys(out).length ? out : undefined;
}

/** The category's extra questions (Open311 attributes), asked when it has any. */
export function ReportQuestions({
  categoryId,
  values,
  onChange,
  onLoaded,
  invalid,
}: {
  categoryId: string;
  values: AnswerValues;
  onChange: (v: AnswerValues) => void;
  onLoaded: (q: Question[]) => void;
  invalid: string[];
}) {
  const { t, lang } = useI18n();
  const state = useAsync((s) => (categoryId ? getQuestions(Number(categoryId), s) : Promise.resolve([])), [categoryId]);
  const questions = state.data ?? [];
  useEffect(() => {
    onLoaded(state.data ?? []);
  }, [state.data, onLoaded]);
  if (!questions.length) return null;
  const label = (q: { label?: string; name?: string; labelEn?: string | null; nameEn?: string | null }) =>
    (lang === 'en' ? (q.labelEn ?? q.nameEn) : null) ?? q.label ?? q.name ?? '';
  // Chosen here rather than from the server's `prompt`/`hint`: a language switch does not refetch.
  const hint = (q: { help: string | null; helpEn: string | null }) => (lang === 'en' ? q.helpEn : null) ?? q.help;
  const set = (code: string, v: string | string[]) => onChange({ ...values, [code]: v });

  return (
    <fieldset className="fieldset" data-testid="report-questions">
      <legend>{t('report.questions')}</legend>
      {questions.map((q) => {
        const id = `report-q-${q.code}`;
        const v = values[q.code];
        const err = invalid.includes(q.code) ? t('report.answerRequired') : undefined;
        const aria = { 'aria-invalid': err ? true : undefined, 'data-testid': id } as const;
        if (q.datatype === 'multivaluelist') {
          const list = Array.isArray(v) ? v : [];
          return (
            <fieldset key={q.code} className="fieldset checks" {...aria}>
              <legend>
                {label(q)}
                {q.required && (
                  <span className="req" aria-hidden="true">
                    {' '}
                    *
                  </span>
                )}
              </legend>
              {q.options.map((o) => (
                <div key={o.key} className="checkbox">
                  <input
                    type="checkbox"
                    id={`${id}-${o.key}`}
                    checked={list.includes(o.key)}
                    onChange={(e) => set(q.code, e.target.checked ? [...list, o.key] : list.filter((k) => k !== o.key))}
                  />
                  <label htmlFor={`${id}-${o.key}`}>{label(o)}</label>
                </div>
              ))}
              {hint(q) && <div className="hint">{hint(q)}</div>}
              {err && (
                <div className="field-error" role="alert">
                  {err}
                </div>
              )}
            </fieldset>
          );
        }
        const str = typeof v === 'string' ? v : '';
        const change = (e: { target: { value: string } }) => set(q.code, e.target.value);
        const control =
          q.datatype === 'singlevaluelist' ? (
            <select id={id} value={str} onChange={change} required={q.required} {...aria}>
              <option value="">{t('common.choose')}</option>
              {q.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {label(o)}
                </option>
              ))}
            </select>
          ) : q.datatype === 'text' ? (
            <textarea id={id} value={str} rows={3} maxLength={4000} onChange={change} required={q.required} {...aria} />
          ) : (
            <input
              id={id}
              value={str}
              onChange={change}
              required={q.required}
              maxLength={4000}
              {...aria}
              type={q.datatype === 'number' ? 'number' : q.datatype === 'datetime' ? 'datetime-local' : 'text'}
              inputMode={q.datatype === 'number' ? 'decimal' : undefined}
            />
          );
        return (
          <Field key={q.code} id={id} label={label(q)} required={q.required} hint={hint(q) ?? undefined} error={err}>
            {control}
          </Field>
        );
      })}
    </fieldset>
  );
}
