import { defineFeature } from '../feature.js';
import { notifyFeature } from '../notify/notify.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { supervisionFeature } from '../supervision/supervision.feature.js';
import { assessmentFeature } from '../assessment/assessment.feature.js';
import { createHallRuntime } from './hall-runtime.js';
import { hallService, type HallService } from './hall.service.js';
import { matterRoutes } from './matter.routes.js';
import { applicationRoutes } from './application.routes.js';
import { hallRoutes } from './hall.routes.js';
import { hallJobs } from './hall-jobs.js';
import { hallMonth } from './hall-stats.js';
import { HALL_CHAIN } from './hall-audit.js';
import { registerHallCommands } from './hall-commands.js';
import { seedHallDemo } from './demo/hall-demo.js';

export type HallState = HallService;

/**
 * The one-window hall (一窗受理): the matter catalogue and service guides, applications taken at
 * any window with one-time notices and promised times, the back offices' review, 好差评 ratings
 * (bad ones become items), free services and the hall's figures (docs/hall.md).
 */
export const hallFeature = defineFeature<HallState>({
  name: 'hall',
  install: (k) =>
    hallService(
      createHallRuntime(k, {
        notifier: k.of(notifyFeature),
        supervision: k.of(supervisionFeature),
        problems: k.of(problemsFeature),
      }),
      () => k.of(assessmentFeature).settlement,
    ),
  jobs: (hall) => hallJobs(hall.rt),
  routes: (hall) => async (app) => {
    await app.register(matterRoutes(hall.matters));
    await app.register(hallRoutes(hall));
    await app.register(applicationRoutes(hall));
  },
  settlement: (hall) => ({ key: 'hall', compute: (w) => hallMonth(hall.rt, w) }),
  auditChains: () => [HALL_CHAIN],
  cli: registerHallCommands,
  demo: (hall, k, demo) => seedHallDemo(hall, k, demo),
});
