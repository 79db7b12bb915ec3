import { defineFeature } from '../feature.js';
import { registerDispatchEvaluate } from './dispatch-commands.js';

/**
 * Dispatch learned from the city's history: a linear classifier over character n-grams suggests
 * the category (and lead unit) of a new item, ranked with scores (docs/dispatch.md).
 */
export const dispatchFeature = defineFeature({
  name: 'dispatch',
  cli: (program) => {
    const dispatch = program.command('dispatch').description('category suggestions learned from history');
    registerDispatchEvaluate(dispatch);
  },
});
