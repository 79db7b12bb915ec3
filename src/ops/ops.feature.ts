import { defineFeature } from '../feature.js';
import { createMetrics, type Metrics } from './metrics.js';
import { opsRoutes } from './ops.routes.js';

export interface OpsState {
  metrics: Metrics;
  /** Set when a stop begins: /readyz answers 503 while in-flight requests finish. */
  draining: boolean;
}

/** Running it: /livez, /readyz (/healthz), /metrics; request timing is hooked in by src/app.ts. */
export const opsFeature = defineFeature<OpsState>({
  name: 'ops',
  install: (k) => ({ metrics: createMetrics(k.db), draining: false }),
  routes: opsRoutes,
  listen(state) {
    // Process metrics start an event-loop monitor: only for a real server, not every test app.
    // Settings caches follow other instances' changes through the version row (settings-watch.ts).
    state.metrics.collectProcess();
  },
});
