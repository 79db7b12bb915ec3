/**
 * The server's message catalogue for the one error format: a sentence per error code in both
 * languages, the schema validator's complaints by rule, and the edge's own refusals. Messages a
 * feature throws with both languages (`say(zh, en)`) are sent as written; this file covers the
 * rest, so an answer is always in the language the request asked for.
 */
import type { Bilingual, ErrorCode, Lang } from '../errors.js';

/** One sentence per code, for a message written in the other language only. */
export const ERROR_TEXTS: Record<ErrorCode, Bilingual> = {
  validation_failed: { zh: '填写的内容有误', en: 'Some input is not valid' },
  bad_request: { zh: '请求有误，无法处理', en: 'The request is malformed' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  not_found: { zh: '未找到', en: 'Not found' },
  conflict: { zh: '数据已被修改或重复提交', en: 'The data changed or was submitted twice' },
  invalid_transition: { zh: '当前状态下不能执行该操作', en: 'Not possible in the current state' },
  idempotency_conflict: {
    zh: '该幂等键已用于另一个请求',
    en: 'this Idempotency-Key was used for a different request',
  },
  payload_too_large: { zh: '内容或文件过大', en: 'The request or file is too large' },
  unsupported_media_type: { zh: '不支持的内容或文件类型', en: 'Unsupported content or file type' },
  rate_limited: { zh: '操作太频繁，请稍后再试', en: 'too many requests, try again later' },
  internal: { zh: '服务器内部错误，已记录，请稍后再试', en: 'an internal error occurred; it has been logged' },
  unavailable: { zh: '服务暂时不可用，请稍后再试', en: 'the service is unavailable; try again shortly' },
  insufficient_storage: { zh: '服务器存储空间已满，未能保存', en: 'the server has no space left to store this' },
};

/** What part of the request a schema refused. */
export const PART_TEXTS: Record<string, Bilingual> = {
  body: { zh: '请求内容', en: 'body' },
  querystring: { zh: '查询参数', en: 'querystring' },
  params: { zh: '路径参数', en: 'params' },
  headers: { zh: '请求头', en: 'headers' },
};

/**
 * The validator's rules ({field} and the rule's own parameters fill in); any other rule uses
 * `other`. English follows the validator's own wording.
 */
export const VALIDATION_TEXTS: Record<string, Bilingual> = {
  required: { zh: '缺少必填项 {field}', en: "must have required property '{field}'" },
  type: { zh: '{field} 的类型应为 {type}', en: '{field} must be {type}' },
  minLength: { zh: '{field} 至少 {limit} 个字符', en: '{field} must NOT have fewer than {limit} characters' },
  maxLength: { zh: '{field} 最多 {limit} 个字符', en: '{field} must NOT have more than {limit} characters' },
  minimum: { zh: '{field} 不能小于 {limit}', en: '{field} must be >= {limit}' },
  maximum: { zh: '{field} 不能大于 {limit}', en: '{field} must be <= {limit}' },
  exclusiveMinimum: { zh: '{field} 必须大于 {limit}', en: '{field} must be > {limit}' },
  exclusiveMaximum: { zh: '{field} 必须小于 {limit}', en: '{field} must be < {limit}' },
  minItems: { zh: '{field} 至少需要 {limit} 项', en: '{field} must NOT have fewer than {limit} items' },
  maxItems: { zh: '{field} 最多 {limit} 项', en: '{field} must NOT have more than {limit} items' },
  uniqueItems: { zh: '{field} 中有重复项', en: '{field} must NOT have duplicate items' },
  enum: { zh: '{field} 不是可选的值', en: '{field} must be one of the allowed values' },
  const: { zh: '{field} 不是可选的值', en: '{field} must be one of the allowed values' },
  anyOf: { zh: '{field} 不符合任何一种允许的格式', en: '{field} must match one of the allowed shapes' },
  format: { zh: '{field} 的格式不正确（应为 {format}）', en: '{field} must match format "{format}"' },
  pattern: { zh: '{field} 的格式不正确（应符合 {pattern}）', en: '{field} must match the pattern {pattern}' },
  additionalProperties: { zh: '不认识的字段 {additionalProperty}', en: 'unknown property {additionalProperty}' },
  other: { zh: '{field} 不符合要求', en: '{field} is not valid' },
};

const HAS_CJK = /[\u3400-\u9fff\uff00-\uffef]/;

export const fill = (template: string, vars: Record<string, unknown>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] === undefined ? m : String(vars[k])));

/**
 * The message in the language asked for: the thrower's two texts when it gave them; a
 * "中文 / English" message split at its slash; a one-language message when it is in that language;
 * otherwise the code's own sentence, rather than a sentence the reader cannot read.
 */
export function messageIn(lang: Lang, code: ErrorCode, message: string, text: Bilingual | null = null): string {
  if (text) return text[lang];
  const halves = message.split(' / ');
  if (halves.length === 2 && HAS_CJK.test(halves[0]) && !HAS_CJK.test(halves[1])) {
    return lang === 'zh' ? halves[0] : halves[1];
  }
  return HAS_CJK.test(message) === (lang === 'zh') ? message : ERROR_TEXTS[code][lang];
}

/** One complaint of the schema validator, in the language asked for. */
export function validationText(
  lang: Lang,
  v: { keyword: string; params?: unknown; message?: string },
  field: string,
): string {
  const params = (v.params ?? {}) as Record<string, unknown>;
  const vars = { ...params, field, type: params.type, limit: params.limit };
  if (lang === 'en' && v.message) return v.message;
  return fill((VALIDATION_TEXTS[v.keyword] ?? VALIDATION_TEXTS.other)[lang], vars);
}
