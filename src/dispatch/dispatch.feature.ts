import { defineFeature } from '../feature.js';
import { registerDispatchCommands } from './dispatch-commands.js';
import { dispatchRoutes } from './dispatch.routes.js';
import { dispatchService, type DispatchService } from './dispatch.service.js';

/**
 * Dispatch learned from the city's history: a linear classifier over character n-grams, trained
 * from triaged items, suggests the category and lead unit of a new item, top-3 with scores
 * (docs/dispatch.md). Retrained daily by a job and by `qingdan dispatch train`.
 */
export const dispatchFeature = defineFeature<DispatchService>({
  name: 'dispatch',
  install: (k) => dispatchService(k.db, k.clock),
  start: (dispatch) => dispatch.reload(),
  refresh: (dispatch) => dispatch.reload(),
  jobs: (dispatch) => [
    {
      name: 'dispatch-train',
      description: "retrain the category and lead-unit suggestions from the city's triaged items (daily)",
      slot: (now) => now.toISOString().slice(0, 10),
      run: async () => ({ models: await dispatch.train() }),
    },
  ],
  routes: dispatchRoutes,
  cli: registerDispatchCommands,
});
