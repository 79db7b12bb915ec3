import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CodeParams, errors } from '../http/common-schemas.js';
import type { Kernel } from '../kernel.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { referenceFeature } from '../reference/reference.feature.js';
import type { DispatchService, Suggestion } from './dispatch.service.js';

const tags = ['dispatch'];
const Ranked = Type.Array(
  Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    score: Type.Number({ description: 'SVM margin: higher is surer; comparable within one list only' }),
  }),
);
const Answer = Type.Object({
  categories: Ranked,
  departments: Ranked,
  trainedAt: Type.Union([Type.String(), Type.Null()]),
});
const Body = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);

/** Staff only: the model is learned from internal triage and must not leak routing rules. */
export const dispatchRoutes =
  (dispatch: DispatchService, k: Kernel): FastifyPluginAsyncTypebox =>
  async (app) => {
    const names = k.of(referenceFeature).names;
    const present = async (text: string) => {
      const { categories, departments } = await names.get();
      const s = dispatch.suggest(text);
      const named = (xs: Suggestion[], m: Map<number, { name: string }>) =>
        xs.flatMap((x) => {
          const n = m.get(x.id);
          return n ? [{ ...x, name: n.name }] : [];
        });
      return {
        categories: named(s.category, categories),
        departments: named(s.department, departments),
        trainedAt: dispatch.trainedAt('category'),
      };
    };

    app.post(
      '/api/v1/dispatch/suggest',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Top-3 categories and lead units for a text, learned from triaged history (staff)',
          body: Body,
          response: { 200: Answer, ...errors(400, 401, 403) },
        },
      },
      async (req) => present(`${req.body.title}\n${req.body.description ?? ''}`),
    );

    app.post(
      '/api/v1/dispatch/train',
      {
        config: { access: ['admin', 'supervisor'] },
        schema: {
          tags,
          summary: 'Retrain the suggestions from the triaged items now (admin, supervisor)',
          response: {
            200: Type.Object({
              models: Type.Array(
                Type.Object({
                  target: Type.String(),
                  items: Type.Integer(),
                  labels: Type.Integer(),
                  top1: Type.Union([Type.Number(), Type.Null()]),
                  top3: Type.Union([Type.Number(), Type.Null()]),
                  trainMs: Type.Number(),
                }),
              ),
            }),
            ...errors(401, 403),
          },
        },
      },
      async () => ({ models: await dispatch.train() }),
    );

    app.get(
      '/api/v1/problems/:code/dispatch',
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary: 'Top-3 categories and lead units for an item (staff)',
          params: CodeParams,
          response: { 200: Answer, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const { row } = await k.of(problemsFeature).problems.load(k.db, req.actor, req.params.code);
        return present(`${row.title}\n${row.description}`);
      },
    );
  };
