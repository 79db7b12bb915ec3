import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isErrorCode } from './errors.js';
import { toErrorBody } from './http/error-handler.js';

describe('error registry', () => {
  it('maps every code to exactly the status the API promises', () => {
    expect(ERROR_CODES).toEqual({
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
      unavailable: 503,
      insufficient_storage: 507,
    });
  });

  it.each(Object.entries(ERROR_CODES))('renders %s as the one error body with status %i', (code, status) => {
    if (!isErrorCode(code)) throw new Error('not a code');
    const { status: s, body } = toErrorBody(new AppError(code, 'message', { x: 1 }), 'en');
    expect(s).toBe(status);
    expect(body).toEqual({ error: { code, message: 'message', details: { x: 1 } } });
  });

  it("never leaks an unexpected error's message or stack", () => {
    const { status, body } = toErrorBody(new Error('SELECT * FROM users -- secret at /srv/app.ts:12'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.error.code).toBe('internal');
  });

  it('knows its codes', () => {
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('teapot')).toBe(false);
  });
});
