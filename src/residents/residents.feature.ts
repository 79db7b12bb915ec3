import { defineFeature } from '../feature.js';
import { notifyFeature } from '../notify/notify.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { residentAuth } from './resident-auth.js';
import { residentReports } from './resident-reports.js';
import { queueReporterUpdate } from './reporter-updates.js';
import { residentRoutes } from './resident.routes.js';

export interface ResidentsState {
  auth: ReturnType<typeof residentAuth>;
  reports: ReturnType<typeof residentReports>;
  devInbox: Map<string, { code: string; at: string }> | null;
}

/**
 * The residents' side (docs/residents.md): sign-in by phone code (residents are `public` users with
 * ordinary sessions), "my reports", messages to reporters at each public step of their report.
 */
export const residentsFeature = defineFeature<ResidentsState>({
  name: 'residents',
  install(k) {
    const notifier = k.of(notifyFeature);
    const devInbox = k.config.demo ? new Map<string, { code: string; at: string }>() : null;
    return {
      auth: residentAuth({
        db: k.db,
        clock: k.clock,
        sessionDays: k.config.sessionDays,
        sms: notifier.channels.find((c) => c.name === 'webhook'),
        devInbox,
      }),
      reports: residentReports(k.db, k.of(problemsFeature).problems),
      devInbox,
    };
  },
  hooks: (_state, k) => ({
    afterWrite: {
      'residents.updates': (trx, write) =>
        queueReporterUpdate(
          trx,
          {
            clock: k.clock,
            timezone: k.config.timezone,
            publicUrl: k.config.hall.publicUrl ?? '',
            channels: () => k.of(notifyFeature).channels,
          },
          write,
        ),
    },
  }),
  routes: (state, k) => residentRoutes(state, k),
});
