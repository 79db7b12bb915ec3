import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from './services.js';
import { questionsFeature } from './questions/questions.feature.js';
import { open311Feature } from './open311/open311.feature.js';
import { searchSheetsFeature } from './search/search.feature.js';
import { supervisionFeature } from './supervision/supervision-feature.js';
import { commentsFeature } from './comments/comments.feature.js';
import { statsFeature } from './stats/stats.feature.js';

/**
 * Optional features plug in here: `install` hooks into the services (e.g. problem write hooks),
 * `routes` adds HTTP routes, `close` stops timers. One line per feature keeps app.ts free of
 * feature knowledge.
 */
export interface Feature {
  name: string;
  install?(services: Services): void;
  routes?(services: Services): FastifyPluginAsyncTypebox;
  close?(services: Services): Promise<void>;
}

export const features: Feature[] = [
  // Category extra questions (src/questions) and Open311 GeoReport v2 (src/open311).
  questionsFeature,
  open311Feature,
  // Chinese full-text search, duplicate suggestions, spreadsheet import and export (src/search, src/duplicates, src/sheets).
  searchSheetsFeature,
  // Supervision and assessment: calendar, time limits, plans, warnings, jobs, notifications, stats, settlement.
  supervisionFeature,
  // Comments, thanks and likes on public items, with moderation (src/comments).
  commentsFeature,
  // Statistics counters kept by every item write (src/stats).
  statsFeature,
];
