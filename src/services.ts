import type { Db } from './db/database.js';
import type { Config } from './config.js';
import type { Clock } from './shared/time.js';
import { userService } from './users/user.service.js';
import { apiKeyService } from './users/api-key.service.js';
import { REFERENCE_KINDS } from './reference/reference.schema.js';
import { referenceService } from './reference/reference.service.js';
import { referenceNamesCache } from './reference/reference-names.js';
import { problemService, type ProblemDeps } from './problems/problem.service.js';
import { problemActions } from './problems/problem-actions.service.js';
import { emptyHooks } from './problems/problem-hooks.js';
import { weekdayPolicy } from './problems/deadline-policy.js';
import { attachmentService } from './attachments/attachment.service.js';
import { timeline } from './problems/problem-timeline.js';
import type { Actor } from './auth/actor.js';
import { RateLimiter } from './http/rate-limit.js';

/** Every service, wired once per app. Features extend `problemDeps.hooks` to join problem writes. */
export function createServices(db: Db, config: Config, clock: Clock) {
  const referenceNames = referenceNamesCache(db);
  const problemDeps: ProblemDeps = { db, config, clock, hooks: emptyHooks(), deadlines: weekdayPolicy, referenceNames };
  const problems = problemService(problemDeps);
  return {
    db,
    config,
    clock,
    problemDeps,
    rateLimiter: new RateLimiter(() => clock().getTime()),
    users: userService(db, { clock, sessionDays: config.sessionDays }),
    apiKeys: apiKeyService(db, clock),
    reference: Object.fromEntries(
      REFERENCE_KINDS.map((k) => [k.table, referenceService(db, k, referenceNames.invalidate)]),
    ) as Record<(typeof REFERENCE_KINDS)[number]['table'], ReturnType<typeof referenceService>>,
    problems,
    actions: problemActions(problemDeps, problems),
    timeline: (actor: Actor, code: string, token?: string) => timeline(db, problems, actor, code, token),
    attachments: attachmentService(db, { dataDir: config.dataDir, maxBytes: config.maxUploadBytes, clock, problems }),
  };
}

export type Services = ReturnType<typeof createServices>;
