import type { Services } from '../services.js';
import type { Db } from '../db/database.js';
import { localDate } from '../shared/time.js';
import { Notifier } from '../notify/notifier.js';
import { emailChannel } from '../notify/email-channel.js';
import { webhookChannel } from '../notify/webhook-channel.js';
import type { Channel } from '../notify/channels.js';
import { JobRunner } from '../jobs/job-runner.js';
import { Scheduler } from '../jobs/scheduler.js';
import { CalendarStore } from './calendar-store.js';
import { parseSupervisionConfig, type SupervisionConfig } from './supervision-config.js';

/**
 * Everything the supervision feature keeps per app: several apps can live in one process (tests
 * run two instances on one database), so nothing here is module-global.
 */
export interface SupervisionRuntime {
  services: Services;
  db: Db;
  config: SupervisionConfig;
  store: CalendarStore;
  notifier: Notifier;
  jobs: JobRunner;
  scheduler: Scheduler;
  timezone: string;
  now(): Date;
  today(): string;
  /** Local calendar date of an ISO instant. */
  dateOf(iso: string): string;
}

const runtimes = new WeakMap<object, SupervisionRuntime>();

export function buildChannels(config: SupervisionConfig): Channel[] {
  const channels: Channel[] = [];
  if (config.smtp) channels.push(emailChannel(config.smtp));
  if (config.webhook) channels.push(webhookChannel(config.webhook));
  return channels;
}

export function createRuntime(
  services: Services,
  config: SupervisionConfig = parseSupervisionConfig(),
): SupervisionRuntime {
  const tz = services.config.timezone;
  const store = new CalendarStore(tz);
  const jobs = new JobRunner(services.db, services.clock);
  const rt: SupervisionRuntime = {
    services,
    db: services.db,
    config,
    store,
    notifier: new Notifier(buildChannels(config)),
    jobs,
    scheduler: new Scheduler(
      jobs,
      () => store.load(services.db),
      (msg, err) => {
        process.stderr.write(`qingdan scheduler: ${msg}${err ? `: ${(err as Error).message ?? String(err)}` : ''}\n`);
      },
    ),
    timezone: tz,
    now: () => services.clock(),
    today: () => localDate(services.clock(), tz),
    dateOf: (iso) => localDate(new Date(iso), tz),
  };
  runtimes.set(services, rt);
  return rt;
}

export function runtimeOf(services: Services): SupervisionRuntime {
  const rt = runtimes.get(services);
  if (!rt) throw new Error('the supervision feature is not installed on these services');
  return rt;
}

export const hasRuntime = (services: Services) => runtimes.has(services);
