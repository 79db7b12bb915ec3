import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import type { Kernel } from '../kernel.js';
import type { Notifier } from '../notify/notifier.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';
import type { ProblemsState } from '../problems/problems.feature.js';
import { localDate } from '../shared/time.js';
import type { HallConfig } from './hall-config.js';
import { createPii, type Pii } from './pii.js';

/** What the hall's services share: the hall feature's state is built on it. */
export interface HallRuntime {
  db: Db;
  dialect: Dialect;
  config: HallConfig;
  codePrefix: string;
  timezone: string;
  pii: Pii;
  notifier: Notifier;
  /** The working-day calendar and warning thresholds come from supervision. */
  supervision: SupervisionRuntime;
  problems: ProblemsState;
  now(): Date;
  today(): string;
  dateOf(iso: string): string;
}

export function createHallRuntime(
  k: Kernel,
  deps: { notifier: Notifier; supervision: SupervisionRuntime; problems: ProblemsState },
): HallRuntime {
  const tz = k.config.timezone;
  return {
    db: k.db,
    dialect: k.dialect,
    config: k.config.hall,
    codePrefix: k.config.codePrefix,
    timezone: tz,
    pii: createPii(k.config.hall.piiKey, k.config.dataDir),
    ...deps,
    now: () => k.clock(),
    today: () => localDate(k.clock(), tz),
    dateOf: (iso) => localDate(new Date(iso), tz),
  };
}
