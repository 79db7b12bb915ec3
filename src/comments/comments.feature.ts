import type { Feature } from '../features.js';
import { commentRoutes } from './comment.routes.js';

/** Public comments, thanks (送锦旗) and likes, with moderation: routes only, no problem hooks. */
export const commentsFeature: Feature = {
  name: 'comments',
  routes: (services) => commentRoutes(services),
};
