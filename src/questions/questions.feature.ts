import type { Feature } from '../features.js';
import type { Services } from '../services.js';
import { questionService, type QuestionService } from './question.service.js';
import { questionRoutes } from './question.routes.js';

// One question service per app, shared by the hooks, the routes and Open311.
const instances = new WeakMap<Services, QuestionService>();

export function questionsOf(services: Services): QuestionService {
  let q = instances.get(services);
  if (!q) {
    q = questionService(services.db, { clock: services.clock, timeZone: services.config.timezone });
    instances.set(services, q);
  }
  return q;
}

/** Category extra questions: asked on every new item, answers stored with it and shown on it. */
export const questionsFeature: Feature = {
  name: 'questions',
  install(services) {
    const q = questionsOf(services);
    const hooks = services.problemDeps.hooks;
    (hooks.onCreate ??= []).push((trx, created) => q.onCreate(trx, created));
    (hooks.decorate ??= []).push((db, views, ids) => q.decorate(db, views, ids));
  },
  routes: (services) => questionRoutes(questionsOf(services)),
};
