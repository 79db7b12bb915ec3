import type { WebFeature } from './feature.js';
import { hallFeature } from './features/hall/index.js';
import { residentsFeature } from './features/residents/index.js';
import { campaignsFeature } from './features/campaigns/index.js';
import { lettersFeature } from './features/letters/index.js';
import { hotspotsFeature } from './features/hotspots/index.js';

/**
 * The UI's features beyond the core pages (App.tsx and pages/admin/AdminRoutes.tsx), in menu
 * order. A new feature is a folder under web/src/features/ plus one line here.
 */
export const webFeatures: WebFeature[] = [
  hallFeature,
  campaignsFeature,
  lettersFeature,
  residentsFeature,
  hotspotsFeature,
];
