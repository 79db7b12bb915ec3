import { defineFeature } from '../feature.js';
import { JobRunner } from './job-runner.js';
import { Scheduler } from './scheduler.js';
import { jobRoutes } from './jobs.routes.js';
import { registerJobCommands } from './jobs-cli.js';

export interface JobsState {
  runner: JobRunner;
  scheduler: Scheduler;
}

/**
 * Scheduled jobs: every feature's `jobs`, run under a database lease so that with several
 * instances each period runs once. The scheduler runs only in a listening server.
 */
export const jobsFeature = defineFeature<JobsState>({
  name: 'jobs',
  install(k) {
    const runner = new JobRunner(k.db, k.clock, k.jobs);
    // Each tick first reloads what another instance may have changed (the calendar, time limits).
    const scheduler = new Scheduler(
      runner,
      () => k.refresh(),
      (msg, err) => k.log.error({ err }, `scheduler: ${msg}`),
    );
    return { runner, scheduler };
  },
  routes: ({ runner }) => jobRoutes(runner),
  listen({ scheduler }, k) {
    const { jobsEnabled, jobTickSeconds } = k.config.supervision;
    if (jobsEnabled) scheduler.start(jobTickSeconds * 1000);
  },
  cli: registerJobCommands,
  close: ({ scheduler }) => scheduler.stop(),
});
