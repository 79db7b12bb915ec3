/**
 * Checking attribute answers (`attribute[CODE]`) against a service's definitions and turning them
 * into typed values. Unknown codes are refused rather than ignored: a client sending them has a
 * stale service definition, and silently losing an answer the reporter gave is worse than a 400.
 * Answers to informational attributes (variable=false) are dropped: they ask nothing.
 */
import { parseDateTime } from './datetime.js';
import { ErrorList } from './errors.js';
import type { Open311Datatype } from './spec-types.js';
import type { AttributeDefinition } from './types.js';

export interface AttributeAnswer {
  code: string;
  datatype: Open311Datatype;
  /** number → number, datetime → UTC ISO string, multivaluelist → keys, others → string. */
  value: string | number | string[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Definitions in the order they are shown: by `order`, missing orders last, then as given. */
export function sortDefinitions<T extends Pick<AttributeDefinition, 'order'>>(defs: readonly T[]): T[] {
  return defs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.order ?? Infinity) - (b.d.order ?? Infinity) || a.i - b.i)
    .map(({ d }) => d);
}

/** How an answer is named in messages: `attribute[CODE]` on Open311, `answers.CODE` natively. */
export type FieldName = (code: string) => string;
const attributeField: FieldName = (code) => `attribute[${code}]`;

function typed(
  def: AttributeDefinition,
  given: string[],
  errors: ErrorList,
  field: FieldName,
): AttributeAnswer | undefined {
  const code = def.code;
  const bad = (zh: string, en: string) => {
    errors.add(`${field(code)}：${zh}`, `${field(code)}: ${en}`, field(code));
    return undefined;
  };
  const keys = new Set((def.values ?? []).map((v) => v.key));
  if (def.datatype === 'multivaluelist') {
    const unique = [...new Set(given)];
    const unknown = unique.filter((k) => !keys.has(k));
    if (unknown.length > 0)
      return bad(`不在可选项中："${unknown.join('", "')}"`, `not among the allowed keys: "${unknown.join('", "')}"`);
    return { code, datatype: def.datatype, value: unique };
  }
  if (new Set(given).size > 1) return bad('只能有一个值', 'takes a single value');
  const raw = given[0];
  switch (def.datatype) {
    case 'number': {
      const n = NUMBER.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return bad(`须为数字，收到 "${raw}"`, `must be a number, got "${raw}"`);
      return { code, datatype: def.datatype, value: n };
    }
    case 'datetime': {
      const iso = parseDateTime(raw);
      if (iso === null)
        return bad(
          `须为带时区的 ISO 8601 时间，收到 "${raw}"`,
          `must be an ISO 8601 date-time with a time zone, got "${raw}"`,
        );
      return { code, datatype: def.datatype, value: iso };
    }
    case 'singlevaluelist':
      if (!keys.has(raw)) return bad(`不在可选项中："${raw}"`, `not among the allowed keys: "${raw}"`);
      return { code, datatype: def.datatype, value: raw };
    case 'string':
    case 'text':
      return { code, datatype: def.datatype, value: raw };
  }
}

/**
 * Validates raw answers (from extractAttributes) against definitions. Problems are added to
 * `errors` when given (so they join the other errors of the request), else thrown as a 400.
 * Returns the typed answers in display order.
 */
export function validateAttributes(
  answers: Readonly<Record<string, readonly string[]>>,
  definitions: readonly AttributeDefinition[],
  errors?: ErrorList,
  field: FieldName = attributeField,
): AttributeAnswer[] {
  const list = errors ?? new ErrorList();
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) list.add(`未知的 ${field(code)}`, `unknown ${field(code)} for this service`, field(code));
  }
  const out: AttributeAnswer[] = [];
  for (const def of sortDefinitions(definitions)) {
    if (def.variable === false) continue;
    const given = (answers[def.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) {
      if (def.required) list.add(`缺少必填项 ${field(def.code)}`, `${field(def.code)} is required`, field(def.code));
      continue;
    }
    const answer = typed(def, given, list, field);
    if (answer) out.push(answer);
  }
  if (!errors) list.throwIfAny();
  return out;
}
