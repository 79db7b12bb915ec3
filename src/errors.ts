/**
 * The closed set of error codes. Code raises AppError(code) anywhere; only the HTTP edge
 * (src/http/error-handler.ts) turns a code into a status.
 */
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  // A capability this server lacks (e.g. no CJK font for PDF notices); the client falls back.
  unavailable: 503,
  // The disk (or the database's) is full: nothing was stored; the operator must free space.
  insufficient_storage: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The languages the server answers in: Chinese first, English when the request prefers it. */
export type Lang = 'zh' | 'en';

/** A message in both languages; the HTTP edge sends the one the request's Accept-Language asks for. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const say = (zh: string, en: string): Bilingual => ({ zh, en });

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Both languages when the thrower gave them; a plain string is sent as it was written. */
  readonly text: Bilingual | null;
  constructor(code: ErrorCode, message: string | Bilingual, details?: unknown) {
    // The English text is the Error's message: logs and stack traces stay in one language.
    super(typeof message === 'string' ? message : message.en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.text = typeof message === 'string' ? null : message;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

// The Chinese name of each kind of record notFound is asked about; an unlisted kind keeps its English word.
const WHAT_ZH: Record<string, string> = {
  problem: '问题',
  item: '事项',
  category: '类别',
  area: '区域',
  department: '部门',
  tag: '标签',
  source: '来源',
  user: '用户',
  comment: '留言',
  attachment: '附件',
  case: '办件',
  matter: '事项',
  notice: '告知书',
  campaign: '专项行动',
  forum: '论坛',
  visit: '走访',
  subject: '对象',
  enforcement: '执法记录',
  'API key': '接口密钥',
};

export const notFound = (what: string, key: string | number) =>
  new AppError('not_found', say(`未找到${WHAT_ZH[what] ?? what} ${key}`, `${what} ${key} was not found`), {
    what,
    key,
  });
