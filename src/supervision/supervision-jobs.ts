import type { Job } from '../jobs/job-runner.js';
import { recomputeAllWarnings } from './warnings-batch.js';
import { checkWeeklyReports, sendOverdueReminders } from './escalation.js';
import type { SupervisionRuntime } from './runtime.js';

/**
 * The scheduled jobs. Each is idempotent (reruns find nothing new to do) and names the period it
 * runs for, so with several instances a period runs once.
 */
export function supervisionJobs(rt: SupervisionRuntime): Job[] {
  const localDay = () => rt.today();
  return [
    {
      name: 'warnings',
      description: "recompute every open item's warning level (hourly)",
      slot: (now) => now.toISOString().slice(0, 13),
      // A batch per transaction; between batches the lease is renewed, and a lost lease stops the pass.
      run: async (_now, lease) => ({
        ...(await recomputeAllWarnings(rt, { between: () => lease?.keep() ?? Promise.resolve() })),
      }),
    },
    {
      name: 'reminders',
      description: 'record a reminder (催办) the day after a deadline passes and notify the unit (daily)',
      slot: localDay,
      run: async () => sendOverdueReminders(rt),
    },
    {
      name: 'weekly-reports',
      description: "flag items and units that missed last week's progress report (daily)",
      slot: localDay,
      run: async () => checkWeeklyReports(rt),
    },
  ];
}
