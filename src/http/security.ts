import type { FastifyInstance } from 'fastify';
import { AppError, say } from '../errors.js';
import { checkRequestText } from './text-input.js';

// The UI is served from the same origin and never inlines scripts; charts draw on canvas.
const cspFor = (tileOrigin: string | null) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // The map's configured tile host only (src/residents/map-config.ts), and no other.
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerSecurity(app: FastifyInstance, tileOrigin: string | null = null): void {
  const CSP = cspFor(tileOrigin);
  // %00 in a path or query string reaches SQL as a NUL character; PostgreSQL answers with an error.
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url))
      throw new AppError('bad_request', say('网址中含有 NUL 字符（%00）', 'the URL contains a NUL character (%00)'));
  });
  // Before the schema: NUL, lone surrogates, control and bidi characters in the body, query and
  // path are named by field (text-input.ts).
  app.addHook('preValidation', async (request) => checkRequestText(request));
  // Ajv coerces "Infinity" and "1e400" into numbers that pass as integers (and skip min/max);
  // JSON cannot carry them, so they can only come from a coerced query or path.
  app.addHook('preHandler', async (request) => {
    for (const [where, values] of [
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if (
          (typeof v === 'number' && !Number.isFinite(v)) ||
          (Array.isArray(v) && v.some((x) => typeof x === 'number' && !Number.isFinite(x)))
        ) {
          throw new AppError(
            'validation_failed',
            say(`${where}/${k} 必须是有限的数字`, `${where}/${k} must be a finite number`),
            { field: k },
          );
        }
      }
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    // The API docs page brings its own inline bootstrap script and sets its own policy.
    if (!reply.hasHeader('Content-Security-Policy') && !request.url.startsWith('/api/docs')) {
      reply.header('Content-Security-Policy', CSP);
    }
    return payload;
  });
}

/**
 * Cross-site request protection for cookie-authenticated writes: the browser's Origin (or
 * Sec-Fetch-Site) must say the request came from our own pages. API-key clients are exempt:
 * a browser never attaches an API key by itself.
 */
export function checkSameOrigin(method: string, headers: Record<string, string | string[] | undefined>): void {
  if (SAFE_METHODS.has(method)) return;
  const origin = headers.origin as string | undefined;
  const host = headers.host as string | undefined;
  if (origin && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError('forbidden', say('已拒绝跨站请求', 'cross-site request refused'));
    }
    if (originHost !== host) throw new AppError('forbidden', say('已拒绝跨站请求', 'cross-site request refused'));
    return;
  }
  if (origin === 'null' || headers['sec-fetch-site'] === 'cross-site')
    throw new AppError('forbidden', say('已拒绝跨站请求', 'cross-site request refused'));
}
