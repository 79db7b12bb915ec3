import { defineFeature } from '../feature.js';
import type { SupervisionConfig } from '../supervision/supervision-config.js';
import { Notifier } from './notifier.js';
import { emailChannel } from './email-channel.js';
import { webhookChannel } from './webhook-channel.js';
import type { Channel } from './channels.js';
import { notificationRoutes } from './notification.routes.js';

export function buildChannels(config: SupervisionConfig): Channel[] {
  const channels: Channel[] = [];
  if (config.smtp) channels.push(emailChannel(config.smtp));
  if (config.webhook) channels.push(webhookChannel(config.webhook));
  return channels;
}

/**
 * Notifications: the in-app inbox written inside the writing transaction, and an outbox delivered
 * by e-mail (SMTP) and a signed webhook (an SMS gateway) every minute.
 */
export const notifyFeature = defineFeature<Notifier>({
  name: 'notify',
  install: (k) => new Notifier(buildChannels(k.config.supervision)),
  jobs: (notifier, k) => [
    {
      name: 'notifications',
      description: 'deliver queued e-mail and webhook notifications (every minute)',
      slot: (now) => now.toISOString().slice(0, 16),
      run: async (now) => notifier.deliver(k.db, now),
    },
  ],
  routes: (_notifier, k) => notificationRoutes(k.db, k.clock),
  close: (notifier) => notifier.close(),
});
