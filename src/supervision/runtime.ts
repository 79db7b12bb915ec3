import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { localDate } from '../shared/time.js';
import type { Notifier } from '../notify/notifier.js';
import type { ProblemService } from '../problems/problem.service.js';
import type { ProblemHooks } from '../problems/problem-hooks.js';
import type { Kernel } from '../kernel.js';
import { CalendarStore } from './calendar-store.js';
import type { SupervisionConfig } from './supervision-config.js';

/**
 * What the supervision services share: the supervision feature's state. Several apps can live in
 * one process (tests run two instances on one database), so nothing here is module-global.
 */
export interface SupervisionRuntime {
  db: Db;
  dialect: Dialect;
  config: SupervisionConfig;
  /** The working-day calendar and time limits, loaded from the database. */
  store: CalendarStore;
  notifier: Notifier;
  problems: ProblemService;
  /** The problem write hooks: supervision's own writes (extensions) run them too. */
  hooks: ProblemHooks;
  timezone: string;
  now(): Date;
  today(): string;
  /** Local calendar date of an ISO instant. */
  dateOf(iso: string): string;
}

export function createRuntime(k: Kernel, notifier: Notifier, problems: ProblemService): SupervisionRuntime {
  const tz = k.config.timezone;
  return {
    db: k.db,
    dialect: k.dialect,
    config: k.config.supervision,
    store: new CalendarStore(tz),
    notifier,
    problems,
    hooks: k.hooks,
    timezone: tz,
    now: () => k.clock(),
    today: () => localDate(k.clock(), tz),
    dateOf: (iso) => localDate(new Date(iso), tz),
  };
}
