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

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

export const notFound = (what: string, key: string | number) =>
  new AppError('not_found', `${what} ${key} was not found`, { what, key });
