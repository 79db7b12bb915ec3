import { defineFeature } from '../feature.js';
import { createMetrics, type Metrics } from './metrics.js';
import { opsRoutes } from './ops.routes.js';

export interface OpsState {
  metrics: Metrics;
  /** Set when a stop begins: /readyz answers 503 while in-flight requests finish. */
  draining: boolean;
  refreshTimer: NodeJS.Timeout | null;
}

/** Running it: /livez, /readyz (/healthz), /metrics; request timing is hooked in by src/app.ts. */
export const opsFeature = defineFeature<OpsState>({
  name: 'ops',
  install: (k) => ({ metrics: createMetrics(k.db), draining: false, refreshTimer: null }),
  routes: opsRoutes,
  listen(state, k) {
    // Process metrics start an event-loop monitor: only for a real server, not every test app.
    state.metrics.collectProcess();
    // The scheduler reloads settings caches (calendar, time limits) each tick; an instance with
    // jobs off must still pick up what another instance changed, or deadlines drift between them.
    const { jobsEnabled, jobTickSeconds } = k.config.supervision;
    if (!jobsEnabled) {
      state.refreshTimer = setInterval(() => {
        k.refresh().catch((err) => k.log.error({ err }, 'refreshing settings caches failed'));
      }, jobTickSeconds * 1000);
      state.refreshTimer.unref();
    }
  },
  async close(state) {
    if (state.refreshTimer) clearInterval(state.refreshTimer);
  },
});
