import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { Kernel } from '../kernel.js';
import type { ProblemsState } from '../problems/problems.feature.js';
import type { ReferenceNamesCache } from '../reference/reference-names.js';
import { localDate } from '../shared/time.js';
import { milestoneService } from '../supervision/milestones.service.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';

/** What the campaign services share: the feature's state (nothing module-global). */
export interface CampaignRuntime {
  db: Db;
  problems: ProblemsState;
  supervision: SupervisionRuntime;
  milestones: ReturnType<typeof milestoneService>;
  /** Cleared when a finding's source is added, so items present it. */
  referenceNames: ReferenceNamesCache;
  now(): Date;
  today(): string;
}

export function createCampaignRuntime(
  k: Kernel,
  deps: { problems: ProblemsState; supervision: SupervisionRuntime; referenceNames: ReferenceNamesCache },
): CampaignRuntime {
  return {
    db: k.db,
    problems: deps.problems,
    supervision: deps.supervision,
    milestones: milestoneService(deps.supervision),
    referenceNames: deps.referenceNames,
    now: () => k.clock(),
    today: () => localDate(k.clock(), k.config.timezone),
  };
}

/**
 * Plan items are created, accepted, assigned and planned by the campaign office as one step, whoever
 * records the plan; the campaign chain (cmp_events) names the person who did.
 */
export const CAMPAIGN_DESK: Actor = Object.freeze({
  kind: 'user',
  id: null,
  name: '专项整治办公室',
  role: 'admin',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
}) as Actor;
