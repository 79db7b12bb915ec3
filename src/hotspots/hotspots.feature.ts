import { defineFeature } from '../feature.js';
import { commentsFeature } from '../comments/comments.feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { registerHotspotCommands } from './hotspot-commands.js';
import { hotspotRoutes } from './hotspot.routes.js';
import { hotspotService, type HotspotService } from './hotspot.service.js';
import { attachDemoCampaignItems, seedHotspotsDemo } from './hotspots-demo.js';
import { metooService, type MetooService } from './metoo.service.js';
import { promoteService, type PromoteService } from './promote.service.js';

export interface HotspotsState {
  hot: HotspotService;
  metoo: MetooService;
  promote: PromoteService;
}

/**
 * Hot spots (热点问题, issue #14 part 5): clusters of similar items of one area in a window with
 * their counts, growth and residents' "me too" (我也遇到); a supervisor promotes one to a systemic
 * item or attaches its items to a campaign. Computed on demand, bounded, kept for a minute.
 */
export const hotspotsFeature = defineFeature<HotspotsState>({
  name: 'hotspots',
  install(k) {
    const hot = hotspotService(k.db, k.clock);
    return {
      hot,
      metoo: metooService({
        db: k.db,
        dialect: k.dialect,
        clock: k.clock,
        rateLimiter: k.rateLimiter,
        changed: hot.invalidate,
      }),
      promote: promoteService(k.db, k.clock, k.of(problemsFeature).problems, hot.invalidate),
    };
  },
  routes: (s, k) => hotspotRoutes(s, k.of(commentsFeature), k.config.secureCookies),
  cli: registerHotspotCommands,
  demo: async (s, k, demo) => {
    demo.log(`hotspots: ${await seedHotspotsDemo(k.db, demo)} "me too" on public items`);
    demo.log(`hotspots: ${await attachDemoCampaignItems(k.db, s.promote, demo)} items attached to the odour campaign`);
  },
});
