import { defineFeature } from '../feature.js';
import { addDays, localDate } from '../shared/time.js';
import { localHour } from './update-templates.js';
import { notifyFeature } from '../notify/notify.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { residentAuth } from './resident-auth.js';
import { emailLinks } from './email-link.js';
import { residentReports } from './resident-reports.js';
import { queueReporterUpdate } from './reporter-updates.js';
import { residentRoutes } from './resident.routes.js';
import { mapService } from './map.service.js';
import { mapRoutes } from './map.routes.js';
import { seedDemoMap } from './demo-map.js';
import { checkPin } from './pin-check.js';
import { subscriptionService } from './subscriptions.js';
import { subscriptionRoutes } from './subscription.routes.js';
import { templateStore, type TemplateStore } from './template-store.js';
import { templateRoutes } from './template.routes.js';

export interface ResidentsState {
  auth: ReturnType<typeof residentAuth>;
  links: ReturnType<typeof emailLinks>;
  reports: ReturnType<typeof residentReports>;
  devInbox: Map<string, { code: string; at: string }> | null;
  map: ReturnType<typeof mapService>;
  subscriptions: ReturnType<typeof subscriptionService>;
  templates: TemplateStore;
}

/**
 * The residents' side (docs/residents.md): sign-in by phone code or e-mail link (residents are `public` users with
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
      links: emailLinks({
        db: k.db,
        clock: k.clock,
        sessionDays: k.config.sessionDays,
        publicUrl: k.config.publicUrl,
        mail: notifier.channels.find((c) => c.name === 'email'),
        devInbox,
      }),
      reports: residentReports(k.db, k.of(problemsFeature).problems),
      devInbox,
      map: mapService(k.db, k.clock),
      subscriptions: subscriptionService({
        db: k.db,
        clock: k.clock,
        timezone: k.config.timezone,
        publicUrl: k.config.hall.publicUrl ?? '',
        channels: () => notifier.channels,
      }),
      templates: templateStore(k.db, k.clock),
    };
  },
  hooks: (state, k) => ({
    onCreate: { 'residents.pin': checkPin },
    afterWrite: {
      'residents.updates': (trx, write) =>
        queueReporterUpdate(
          trx,
          {
            clock: k.clock,
            timezone: k.config.timezone,
            publicUrl: k.config.hall.publicUrl ?? '',
            channels: () => k.of(notifyFeature).channels,
            templates: state.templates,
          },
          write,
        ),
      'residents.subscriptions': (trx, write) => state.subscriptions.afterWrite(trx, write),
    },
  }),
  jobs: (state, k) => [
    {
      name: 'resident-digest',
      description: "residents' daily digest of what their subscriptions saw (once a day, 08:00 local)",
      // Before 08:00 the slot is yesterday's, already done: the digest goes once a day after 08:00.
      slot: (now) => {
        const today = localDate(now, k.config.timezone);
        return localHour(now, k.config.timezone) >= 8 ? today : addDays(today, -1);
      },
      run: async () => state.subscriptions.sendDigests(),
    },
  ],
  demo: async (state, k, demo) => {
    const placed = await seedDemoMap(k.db, state.map, demo.ids.areas);
    demo.log(`map: 5 invented district boundaries, ${placed} items placed in their districts`);
  },
  routes: (state, k) => async (app) => {
    await app.register(residentRoutes(state, k));
    await app.register(mapRoutes(state.map, k.config.map));
    await app.register(subscriptionRoutes(state.subscriptions, k.db, k.config.hall.publicUrl ?? ''));
    await app.register(templateRoutes(state.templates));
  },
});
