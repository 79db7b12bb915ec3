import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError, say } from '../errors.js';
import type { RateLimiter } from './rate-limit.js';

const FAILED = new Set([401, 403, 404]);

const param = (from: unknown, name: string) =>
  from && typeof from === 'object' && typeof (from as Record<string, unknown>)[name] === 'string';

/**
 * The request presents a tracking token or short code (a reporter's or an applicant's: `?token=`, the
 * header, or a claim's body — parsed by onResponse only, which is where refusals are counted).
 */
const presentsToken = (req: FastifyRequest) =>
  typeof req.headers['x-tracking-token'] === 'string' || /[?&]token=/.test(req.url) || param(req.body, 'token');

/** The request presents an API key (the header, or Open311's `api_key` in the query or the form). */
const presentsKey = (req: FastifyRequest) =>
  typeof req.headers['x-api-key'] === 'string' || param(req.query, 'api_key') || param(req.body, 'api_key');

/**
 * Secrets cannot be guessed at network speed (the probe made 22,000–26,000 tries in 20 s): each
 * address may present a limited number of tracking tokens a minute, and once its API keys or
 * tokens have been refused too often it is refused before any lookup until the minute is over.
 * A reporter checks a few items, and a client with a valid key is never refused, so neither is
 * slowed down. Counted per process (see RateLimiter.hitLocal): the refusal must hold from the next request.
 */
export function registerGuessThrottle(app: FastifyInstance, limiter: RateLimiter, config: Config): void {
  app.addHook('onRequest', async (req) => {
    if (limiter.over('secret-refused', req.ip, config.secretFailuresPerMinute)) {
      throw new AppError(
        'rate_limited',
        say(
          '来自该地址的无效密钥或凭证过多，请一分钟后再试',
          'too many refused keys or tokens from this address; try again in a minute',
        ),
      );
    }
    if (presentsToken(req)) limiter.hitLocal('token', req.ip, config.tokenTriesPerMinute);
  });
  app.addHook('onResponse', async (req, reply) => {
    if (!FAILED.has(reply.statusCode) || !(presentsKey(req) || presentsToken(req))) return;
    try {
      limiter.hitLocal('secret-refused', req.ip, config.secretFailuresPerMinute);
    } catch {
      // Over the limit: the next request from this address is refused in onRequest.
    }
  });
}
