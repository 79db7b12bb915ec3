import { defineFeature } from '../feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { commentService, type CommentService } from './comment.service.js';
import { commentRoutes } from './comment.routes.js';
import { seedDemoComments } from './demo-comments.js';

/** Public comments, thanks (送锦旗) and likes on public items, with moderation. */
export const commentsFeature = defineFeature<CommentService>({
  name: 'comments',
  install: (k) =>
    commentService({
      db: k.db,
      dialect: k.dialect,
      clock: k.clock,
      problems: k.of(problemsFeature).problems,
      rateLimiter: k.rateLimiter,
    }),
  routes: (comments, k) => commentRoutes(comments, k.config.secureCookies),
  demo: async (_comments, k, demo) => {
    demo.log(`comments: ${await seedDemoComments(k.db, demo)} comments and thanks on public items`);
  },
});
