import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Kernel } from '../kernel.js';
import { readiness } from './health.js';
import type { OpsState } from './ops.feature.js';

/**
 * Probes for orchestrators and load balancers, and metrics for Prometheus. Outside /api so a
 * probe never meets the API's authentication or rate limits; hidden from the OpenAPI document.
 */
export function opsRoutes(state: OpsState, k: Kernel): FastifyPluginAsyncTypebox {
  return async (app) => {
    const hide = { schema: { hide: true } };
    // Alive: the process answers. Restart it only when this fails, never because the database is away.
    app.get('/livez', hide, async () => ({ ok: true }));
    const ready = async (reply: FastifyReply) => {
      const r = await readiness(k.db);
      // A stopping instance drains: the load balancer must stop sending before the port closes.
      const ok = r.ready && !state.draining;
      return reply.status(ok ? 200 : 503).send({ ok, ...r, ...(state.draining ? { draining: true } : {}) });
    };
    app.get('/readyz', hide, (_req, reply) => ready(reply));
    app.get('/healthz', hide, (_req, reply) => ready(reply));
    app.get('/api/health', hide, (_req, reply) => ready(reply));
    app.get('/metrics', hide, async (_req, reply) => {
      const body = await state.metrics.registry.metrics();
      return reply.type(state.metrics.registry.contentType).send(body);
    });
  };
}
