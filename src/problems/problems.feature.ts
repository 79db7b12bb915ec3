import { defineFeature } from '../feature.js';
import type { Actor } from '../auth/actor.js';
import type { Lang } from '../errors.js';
import { referenceFeature } from '../reference/reference.feature.js';
import { problemService, type ProblemService } from './problem.service.js';
import { problemActions } from './problem-actions.service.js';
import { timeline } from './problem-timeline.js';
import { problemRoutes } from './problem.routes.js';

export interface ProblemsState {
  problems: ProblemService;
  actions: ReturnType<typeof problemActions>;
  timeline(actor: Actor, code: string, token?: string, lang?: Lang): ReturnType<typeof timeline>;
}

/**
 * The problem list itself: reporting, reading, listing and the lifecycle actions. Other features
 * extend its writes through the hooks they declare (src/problems/problem-hooks.ts), composed by
 * the kernel in the order src/features.ts gives.
 */
export const problemsFeature = defineFeature<ProblemsState>({
  name: 'problems',
  install(k) {
    const deps = {
      db: k.db,
      dialect: k.dialect,
      config: k.config,
      clock: k.clock,
      hooks: k.hooks,
      referenceNames: k.of(referenceFeature).names,
    };
    const problems = problemService(deps);
    return {
      problems,
      actions: problemActions(deps, problems),
      timeline: (actor, code, token, lang) => timeline(k.db, problems, actor, code, token, lang),
    };
  },
  routes: (state, k) => problemRoutes(state, k),
});
