import { defineFeature } from '../feature.js';
import { dispatchFeature } from '../dispatch/dispatch.feature.js';
import { referenceFeature } from '../reference/reference.feature.js';
import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import type { Clock } from '../shared/time.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { ProblemService } from '../problems/problem.service.js';
import type { QuestionService } from '../questions/question.service.js';
import type { UsersState } from '../users/users.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { questionsFeature } from '../questions/questions.feature.js';
import { usersFeature } from '../users/users.feature.js';
import { open311Routes } from './open311.routes.js';

/** What the Open311 endpoints use of the rest of the application. */
export interface Open311Deps {
  db: Db;
  config: Config;
  clock: Clock;
  rateLimiter: RateLimiter;
  problems: ProblemService;
  apiKeys: UsersState['apiKeys'];
  /** Service definitions are the categories' extra questions. */
  questions: QuestionService;
  /** The learned top-3 categories and lead units for a text (dispatch), by name; empty without a model. */
  suggest?: (text: string) => Promise<{ categories: string[]; departments: string[] }>;
}

/** Open311 GeoReport v2 (and FixMyStreet's servicerequestupdates) under /open311/v2. */
export const open311Feature = defineFeature<Open311Deps>({
  name: 'open311',
  install: (k) => ({
    db: k.db,
    config: k.config,
    clock: k.clock,
    rateLimiter: k.rateLimiter,
    problems: k.of(problemsFeature).problems,
    apiKeys: k.of(usersFeature).apiKeys,
    questions: k.of(questionsFeature),
    // Looked up per call: the dispatch feature is installed after this one.
    suggest: async (text) => {
      const s = k.of(dispatchFeature).suggest(text);
      const { categories, departments } = await k.of(referenceFeature).names.get();
      return {
        categories: s.category.flatMap((x) => categories.get(x.id)?.name ?? []),
        departments: s.department.flatMap((x) => departments.get(x.id)?.name ?? []),
      };
    },
  }),
  routes: (deps) => open311Routes(deps),
});
