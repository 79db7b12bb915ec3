import type { Feature } from '../features.js';
import { refreshAfterWrite } from './stats-counters.service.js';

/**
 * The statistics counters: every item write updates them in its own transaction. The routes are
 * registered with supervision's (src/supervision/supervision-feature.ts); bulk paths that skip the
 * hooks run `qingdan stats rebuild` (src/stats/stats-commands.ts).
 */
export const statsFeature: Feature = {
  name: 'stats',
  install(services) {
    services.problemDeps.hooks.afterWrite.push(refreshAfterWrite);
  },
};
