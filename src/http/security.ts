import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

// The UI is served from the same origin and never inlines scripts; charts draw on canvas.
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerSecurity(app: FastifyInstance): void {
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
      throw new AppError('forbidden', 'cross-site request refused');
    }
    if (originHost !== host) throw new AppError('forbidden', 'cross-site request refused');
    return;
  }
  if (origin === 'null' || headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', 'cross-site request refused');
}
