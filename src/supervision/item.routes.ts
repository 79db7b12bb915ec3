import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CodeParams, errors } from '../http/common-schemas.js';
import { preferredLang } from '../http/lang.js';
import { milestoneService } from './milestones.service.js';
import { extensionService } from './extensions.service.js';
import { boardService } from './board.service.js';
import {
  DoneBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ExtensionSchema,
  ItemSupervisionSchema,
  PlanBody,
  TemplateBody,
  WeightBody,
} from './supervision.schema.js';
import type { SupervisionRuntime } from './runtime.js';

const tags = ['supervision'];
const CodeId = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
const Extensions = Type.Object({ items: Type.Array(ExtensionSchema) });

/** Per-item supervision: plan (milestones), progress view, extensions. Staff only. */
export const itemSupervisionRoutes =
  (rt: SupervisionRuntime): FastifyPluginAsyncTypebox =>
  async (app) => {
    const milestones = milestoneService(rt);
    const extensions = extensionService(rt);
    const board = boardService(rt);
    // Every answer is the item's view, in the language the request asks for.
    const view = (
      req: { actor: Parameters<typeof board.item>[0]; headers: { 'accept-language'?: string } },
      code: string,
    ) => board.item(req.actor, code, preferredLang(req.headers['accept-language']));

    app.get(
      '/api/v1/problems/:code/supervision',
      {
        schema: {
          tags,
          summary:
            'Supervision view of an item: warning, planned vs reported progress, milestones, children, ' +
            'extensions, actions',
          params: CodeParams,
          response: { 200: ItemSupervisionSchema, ...errors(401, 403, 404) },
        },
      },
      async (req) => view(req, req.params.code),
    );

    app.patch(
      '/api/v1/problems/:code/supervision',
      {
        schema: {
          tags,
          summary: "Set how much a child item weighs in its parent's roll-up",
          params: CodeParams,
          body: WeightBody,
          response: { 200: ItemSupervisionSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await milestones.setRollupWeight(req.actor, req.params.code, req.body.rollupWeight);
        return view(req, req.params.code);
      },
    );

    app.get(
      '/api/v1/problems/:code/milestones',
      {
        schema: {
          tags,
          summary: 'The back-scheduled plan (倒排时间) with planned progress for today',
          params: CodeParams,
          response: { 200: ItemSupervisionSchema, ...errors(401, 403, 404) },
        },
      },
      async (req) => view(req, req.params.code),
    );

    app.put(
      '/api/v1/problems/:code/milestones',
      {
        schema: {
          tags,
          summary: 'Replace the plan: milestones with name, due date and weight (lead unit, supervisor, admin)',
          params: CodeParams,
          body: PlanBody,
          response: { 200: ItemSupervisionSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await milestones.setPlan(req.actor, req.params.code, req.body.milestones);
        return view(req, req.params.code);
      },
    );

    app.post(
      '/api/v1/problems/:code/milestones/template',
      {
        schema: {
          tags,
          summary: 'Replace the plan with a template spread backwards from the deadline',
          params: CodeParams,
          body: TemplateBody,
          response: { 200: ItemSupervisionSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await milestones.fromTemplate(req.actor, req.params.code, req.body.template, req.body.startDate);
        return view(req, req.params.code);
      },
    );

    app.post(
      '/api/v1/problems/:code/milestones/:id/done',
      {
        schema: {
          tags,
          summary: 'Mark a milestone done (or not done)',
          params: CodeId,
          body: DoneBody,
          response: { 200: ItemSupervisionSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await milestones.markDone(req.actor, req.params.code, req.params.id, req.body.done);
        return view(req, req.params.code);
      },
    );

    app.get(
      '/api/v1/problems/:code/extensions',
      {
        schema: {
          tags,
          summary: 'Extension requests (延期) of an item, with original and granted deadlines',
          params: CodeParams,
          response: { 200: Extensions, ...errors(401, 403, 404) },
        },
      },
      async (req) => ({ items: await extensions.listFor(req.actor, req.params.code) }),
    );

    app.post(
      '/api/v1/problems/:code/extensions',
      {
        schema: {
          tags,
          summary: 'Ask for an extension (lead unit)',
          params: CodeParams,
          body: ExtensionRequestBody,
          response: { 201: ExtensionSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await extensions.request(req.actor, req.params.code, req.body)),
    );

    app.post(
      '/api/v1/problems/:code/extensions/:id/decision',
      {
        schema: {
          tags,
          summary: 'Grant or refuse an extension (supervisor, admin)',
          params: CodeId,
          body: ExtensionDecisionBody,
          response: { 200: ExtensionSchema, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => extensions.decide(req.actor, req.params.code, req.params.id, req.body),
    );
  };
