import { defineFeature } from '../feature.js';
import { questionService, type QuestionService } from './question.service.js';
import { questionRoutes } from './question.routes.js';

/** Category extra questions: asked on every new item, answers stored with it and shown on it. */
export const questionsFeature = defineFeature<QuestionService>({
  name: 'questions',
  install: (k) => questionService(k.db, { clock: k.clock, timeZone: k.config.timezone }),
  hooks: (q) => ({
    onCreate: { 'questions.answers': (trx, created) => q.onCreate(trx, created) },
    decorate: { 'questions.answers': (db, views, ids) => q.decorate(db, views, ids) },
  }),
  routes: (q) => questionRoutes(q),
});
