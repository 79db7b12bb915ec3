import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, IdParams } from '../http/common-schemas.js';
import { preferredLang } from '../http/lang.js';
import type { QuestionService } from './question.service.js';
import { PutQuestionsBody, QuestionList } from './question.schema.js';

const tags = ['reference data'];

/** Reading is public (the report form asks the questions); replacing them is for administrators. */
export const questionRoutes =
  (questions: QuestionService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/categories/:id/questions',
      {
        schema: {
          tags,
          summary: 'The extra questions asked when reporting in a category',
          params: IdParams,
          response: { 200: QuestionList, ...errors(404) },
        },
      },
      async (req) => questions.list(req.params.id, preferredLang(req.headers['accept-language'])),
    );

    app.put(
      '/api/v1/categories/:id/questions',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "Replace a category's extra questions (admin); the order of items is the order asked",
          params: IdParams,
          body: PutQuestionsBody,
          response: { 200: QuestionList, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => questions.replace(req.params.id, req.body.items, preferredLang(req.headers['accept-language'])),
    );
  };
