import { defineFeature } from '../feature.js';
import { notifyFeature } from '../notify/notify.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { createRuntime, type SupervisionRuntime } from './runtime.js';
import { problemWriteHook } from './problem-write-hook.js';
import { supervisionJobs } from './supervision-jobs.js';
import { itemSupervisionRoutes } from './item.routes.js';
import { boardRoutes } from './board.routes.js';
import { intakeRoutes } from './intake-clock.js';
import { calendarRoutes } from './calendar.routes.js';
import { registerCalendarCommands } from './calendar-commands.js';

/**
 * Supervision (督办): the working-day calendar and time limits (which default every deadline),
 * milestone plans, warnings, weekly reports, extensions, supervision actions and the board.
 */
export const supervisionFeature = defineFeature<SupervisionRuntime>({
  name: 'supervision',
  install: (k) => createRuntime(k, k.of(notifyFeature), k.of(problemsFeature).problems),
  hooks: (rt) => ({
    // Deadlines count working days of the calendar in the database (loaded by start/refresh).
    deadlines: rt.store.policy(),
    afterWrite: { 'supervision.warnings': problemWriteHook(rt) },
  }),
  jobs: (rt) => supervisionJobs(rt),
  start: (rt) => rt.store.load(rt.db),
  refresh: (rt) => rt.store.load(rt.db),
  routes: (rt) => async (app) => {
    await app.register(calendarRoutes(rt));
    await app.register(itemSupervisionRoutes(rt));
    await app.register(boardRoutes(rt));
    await app.register(intakeRoutes(rt));
  },
  cli: registerCalendarCommands,
});
