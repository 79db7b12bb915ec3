import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { OpsState } from './ops.feature.js';

// A proxy's id is kept only when it is a plain token: it goes into every log line of the request.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: the caller's X-Request-Id when sane, else a fresh UUID (unique across instances). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && ACCEPTABLE.test(value) ? value : crypto.randomUUID();
}

/** Echoes the request id, times every request by its route pattern, and ends keep-alive when stopping. */
export function registerRequestTracking(app: FastifyInstance, state: OpsState): void {
  const { metrics } = state;
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    // A request in flight when the stop began keeps its connection open afterwards (keep-alive),
    // and the server's close would wait for that connection forever.
    if (state.draining) reply.header('Connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs share one label, so scanners cannot blow up the metric's cardinality.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
