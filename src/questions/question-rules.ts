/**
 * Category extra questions, pure: checking a question set an administrator saves, turning
 * questions into Open311 attribute definitions, and checking answers. Answer checking is the
 * Open311 attribute validator (src/open311/attributes.ts) so the native form and Open311 clients
 * can never disagree about what a valid answer is; only the error format differs.
 */
import { AppError, say } from '../errors.js';
import { validateAttributes, type AttributeAnswer } from '../open311/attributes.js';
import { formatDateTime } from '../open311/datetime.js';
import { ErrorList } from '../open311/errors.js';
import type { Open311Datatype } from '../open311/spec-types.js';
import type { AttributeDefinition, Lang } from '../open311/types.js';

export const LIST_DATATYPES: readonly Open311Datatype[] = ['singlevaluelist', 'multivaluelist'];
export const MAX_QUESTIONS = 30;

export interface QuestionOption {
  key: string;
  name: string;
  nameEn: string | null;
}

/** A question as the native API shows it; `order` is its 1-based position. */
export interface Question {
  code: string;
  label: string;
  labelEn: string | null;
  help: string | null;
  helpEn: string | null;
  datatype: Open311Datatype;
  required: boolean;
  order: number;
  options: QuestionOption[];
}

export type QuestionInput = Omit<Question, 'order' | 'labelEn' | 'help' | 'helpEn' | 'options' | 'required'> & {
  labelEn?: string | null;
  help?: string | null;
  helpEn?: string | null;
  required?: boolean;
  options?: Array<{ key: string; name: string; nameEn?: string | null }>;
};

/** One stored answer as the item shows it: `display` is the text a person reads. */
export interface AnswerView {
  code: string;
  label: string;
  value: string | number | string[];
  display: string;
}

/** Checks what a schema cannot: unique codes and keys, options exactly on the list types. */
export function checkQuestionSet(items: readonly QuestionInput[]): Question[] {
  const problems: Array<{ field: string; message: string; messageZh: string }> = [];
  const add = (field: string, messageZh: string, message: string) => problems.push({ field, message, messageZh });
  const seen = new Set<string>();
  items.forEach((q, i) => {
    if (seen.has(q.code)) add(`items.${i}.code`, `编码“${q.code}”重复`, `the code "${q.code}" is used twice`);
    seen.add(q.code);
    const options = q.options ?? [];
    const isList = LIST_DATATYPES.includes(q.datatype);
    if (isList && options.length === 0)
      add(`items.${i}.options`, `${q.datatype} 类问题需要选项`, `a ${q.datatype} question needs options`);
    if (!isList && options.length > 0)
      add(`items.${i}.options`, `${q.datatype} 类问题不能有选项`, `a ${q.datatype} question takes no options`);
    const keys = options.map((o) => o.key);
    const dup = keys.find((k, j) => keys.indexOf(k) !== j);
    if (dup !== undefined) add(`items.${i}.options`, `选项键“${dup}”重复`, `the option key "${dup}" is used twice`);
  });
  if (problems.length > 0) {
    const both = say(
      problems.map((p) => `${p.field}：${p.messageZh}`).join('；'),
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    );
    throw new AppError('validation_failed', both, problems);
  }
  return items.map((q, i) => ({
    code: q.code,
    label: q.label.trim(),
    labelEn: q.labelEn?.trim() || null,
    help: q.help?.trim() || null,
    helpEn: q.helpEn?.trim() || null,
    datatype: q.datatype,
    required: q.required === true,
    order: i + 1,
    options: (q.options ?? []).map((o) => ({ key: o.key, name: o.name.trim(), nameEn: o.nameEn?.trim() || null })),
  }));
}

const inLang = (zh: string, en: string | null, lang: Lang) => (lang === 'en' && en ? en : zh);

/** Questions as Open311 attributes: the label is the prompt, the help its datatype description. */
export function toDefinitions(questions: readonly Question[], lang: Lang = 'zh'): AttributeDefinition[] {
  return questions.map((q) => ({
    code: q.code,
    datatype: q.datatype,
    required: q.required,
    variable: true,
    order: q.order,
    description: inLang(q.label, q.labelEn, lang),
    datatypeDescription: lang === 'en' && q.helpEn ? q.helpEn : q.help,
    ...(LIST_DATATYPES.includes(q.datatype) && {
      values: q.options.map((o) => ({ key: o.key, name: inLang(o.name, o.nameEn, lang) })),
    }),
  }));
}

/**
 * A question as the native API shows it to a reader: every stored text (so an administrator can
 * edit both languages) plus `prompt`, `hint` and each option's `label` in the reader's language,
 * the Chinese standing in where no English was written.
 */
export function questionIn(q: Question, lang: Lang) {
  return {
    ...q,
    prompt: inLang(q.label, q.labelEn, lang),
    hint: q.help === null ? null : inLang(q.help, q.helpEn, lang),
    options: q.options.map((o) => ({ ...o, label: inLang(o.name, o.nameEn, lang) })),
  };
}

/** Native answers are JSON: a string, a number or a list of keys; all become the raw string lists. */
export function rawAnswers(answers: Readonly<Record<string, unknown>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [code, v] of Object.entries(answers)) {
    const list = (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v])
      .filter((x) => typeof x === 'string' || typeof x === 'number')
      .map((x) => String(x).trim())
      .filter((x) => x !== '');
    if (list.length > 0) out[code] = list;
  }
  return out;
}

/**
 * Native answers checked against a category's questions. `requireAnswers` is false for staff:
 * a hotline operator or a spreadsheet import often cannot know a pole number, while a reporter
 * on the form or an Open311 client is asked it. Given answers are always checked.
 */
export function checkNativeAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
  opts: { requireAnswers: boolean },
): AttributeAnswer[] {
  const defs = toDefinitions(questions).map((d) => (opts.requireAnswers ? d : { ...d, required: false }));
  const errors = new ErrorList();
  const typed = validateAttributes(rawAnswers(answers), defs, errors, (code) => `answers.${code}`);
  if (errors.size > 0) {
    const details = errors.messages.map((m) => ({ field: m.field ?? 'answers', message: m.en, messageZh: m.zh }));
    const both = say(details.map((d) => d.messageZh).join('；'), details.map((d) => d.message).join('; '));
    throw new AppError('validation_failed', both, details);
  }
  return typed;
}

/** The text a person reads for an answer: option names for list answers, local time for dates. */
export function displayOf(answer: AttributeAnswer, question: Question, timeZone: string): string {
  const nameOf = (key: string) => question.options.find((o) => o.key === key)?.name ?? key;
  if (Array.isArray(answer.value)) return answer.value.map(nameOf).join('、');
  if (answer.datatype === 'singlevaluelist') return nameOf(String(answer.value));
  if (answer.datatype === 'datetime') return formatDateTime(String(answer.value), timeZone);
  return String(answer.value);
}
