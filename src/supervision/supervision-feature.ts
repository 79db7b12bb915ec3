import type { Feature } from '../features.js';
import type { Services } from '../services.js';
import { notificationRoutes } from '../notify/notification.routes.js';
import { jobRoutes } from '../jobs/jobs.routes.js';
import { statsRoutes } from '../stats/stats.routes.js';
import { assessmentRoutes } from '../assessment/assessment.routes.js';
import { createRuntime, hasRuntime, runtimeOf, type SupervisionRuntime } from './runtime.js';
import { problemWriteHook } from './problem-write-hook.js';
import { supervisionJobs } from './supervision-jobs.js';
import { itemSupervisionRoutes } from './item.routes.js';
import { boardRoutes } from './board.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import type { SupervisionConfig } from './supervision-config.js';

/**
 * Wires supervision into services that have none yet: the calendar-based deadline policy, the
 * problem-write hook, and the jobs. Used by the feature, the CLI and the demo seeder alike.
 */
export function installSupervision(services: Services, config?: SupervisionConfig): SupervisionRuntime {
  if (hasRuntime(services)) return runtimeOf(services);
  const rt = createRuntime(services, config);
  services.problemDeps.deadlines = rt.store.policy();
  services.problemDeps.hooks.afterWrite.push(problemWriteHook(rt));
  for (const job of supervisionJobs(rt)) rt.jobs.register(job);
  return rt;
}

/** Install, then load the calendar and time limits from the database (the policy is synchronous). */
export async function startSupervision(services: Services, config?: SupervisionConfig): Promise<SupervisionRuntime> {
  const rt = installSupervision(services, config);
  await rt.store.load(services.db);
  return rt;
}

export const supervisionFeature: Feature = {
  name: 'supervision',
  install(services) {
    installSupervision(services);
  },
  routes(services) {
    return async (app) => {
      const rt = runtimeOf(services);
      await rt.store.load(services.db);
      await app.register(calendarRoutes(rt));
      await app.register(itemSupervisionRoutes(rt));
      await app.register(boardRoutes(rt));
      await app.register(notificationRoutes(services.db, services.clock));
      await app.register(jobRoutes(rt.jobs));
      await app.register(statsRoutes(services));
      await app.register(assessmentRoutes(rt));
      // Jobs run only in a listening server: tests drive apps with inject() and run jobs by hand.
      app.addHook('onListen', async () => {
        if (rt.config.jobsEnabled) rt.scheduler.start(rt.config.jobTickSeconds * 1000);
      });
    };
  },
  async close(services) {
    if (!hasRuntime(services)) return;
    const rt = runtimeOf(services);
    await rt.scheduler.stop();
    await rt.notifier.close();
  },
};
