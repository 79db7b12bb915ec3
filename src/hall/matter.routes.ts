import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import {
  CreateMatterBody,
  LifeEventCounts,
  MatterCodeParams,
  MatterList,
  MatterListQuery,
  MatterView,
  PublishBody,
  VersionInput,
  Vocabulary,
} from './matter.schema.js';
import { CATALOGUE_EDITORS, type MatterService } from './matter.service.js';
import {
  AUDIENCES,
  FREE_SERVICES,
  LIFE_EVENTS,
  MATERIAL_FORMS,
  MATTER_TYPES,
  RATING_LEVELS,
  RATING_REASONS,
  SERVICE_MODES,
  vocabularyList,
} from './vocabulary.js';

const tags = ['hall'];

/** The matter catalogue (事项目录): the public service guide and the catalogue editors' writes. */
export const matterRoutes =
  (matters: MatterService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/matters',
      {
        schema: {
          tags,
          summary:
            'Matters of the hall: published ones for everyone (办事指南), searchable in Chinese, by department, life ' +
            'event, type; drafts for editors',
          querystring: MatterListQuery,
          response: { 200: MatterList, ...errors(400, 401) },
        },
      },
      async (req) => matters.list(req.actor, req.query),
    );

    app.get(
      '/api/v1/matters/vocabulary',
      {
        schema: {
          tags,
          summary: 'The codes the catalogue and ratings use, with Chinese and English names',
          response: { 200: Vocabulary },
        },
      },
      async () => ({
        matterTypes: vocabularyList(MATTER_TYPES),
        lifeEvents: vocabularyList(LIFE_EVENTS),
        freeServices: vocabularyList(FREE_SERVICES),
        materialForms: vocabularyList(MATERIAL_FORMS),
        serviceModes: vocabularyList(SERVICE_MODES),
        audiences: vocabularyList(AUDIENCES),
        ratingLevels: vocabularyList(RATING_LEVELS),
        ratingReasons: Object.entries(RATING_REASONS).map(([code, r]) => ({ code, zh: r.zh, en: r.en, good: r.good })),
      }),
    );

    app.get(
      '/api/v1/matters/ways-in',
      {
        schema: {
          tags,
          summary: 'Published matters per life event (一件事) and per department: the guide’s ways in',
          response: { 200: LifeEventCounts },
        },
      },
      async () => matters.counts(),
    );

    app.get(
      '/api/v1/matters/:code',
      {
        schema: {
          tags,
          summary: 'The service guide of a matter: its version in force (or ?version=N); editors also see drafts',
          params: MatterCodeParams,
          querystring: Type.Object(
            { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
            { additionalProperties: false },
          ),
          response: { 200: MatterView, ...errors(400, 404) },
        },
      },
      async (req) => matters.get(req.actor, req.params.code, req.query.version),
    );

    app.post(
      '/api/v1/matters',
      {
        config: { access: [...CATALOGUE_EDITORS] },
        schema: {
          tags,
          summary: 'Add a matter with its first version as a draft (department staff: their own department)',
          body: CreateMatterBody,
          response: { 201: MatterView, ...errors(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await matters.create(req.actor, req.body)),
    );

    app.post(
      '/api/v1/matters/:code/versions',
      {
        config: { access: [...CATALOGUE_EDITORS] },
        schema: {
          tags,
          summary: 'Start the next version as a draft, copied from the latest',
          params: MatterCodeParams,
          response: { 201: MatterView, ...errors(401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await matters.newDraft(req.actor, req.params.code)),
    );

    app.put(
      '/api/v1/matters/:code/draft',
      {
        config: { access: [...CATALOGUE_EDITORS] },
        schema: {
          tags,
          summary: 'Edit the draft version: every field and the materials checklist',
          params: MatterCodeParams,
          body: VersionInput,
          response: { 200: MatterView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => matters.updateDraft(req.actor, req.params.code, req.body),
    );

    app.post(
      '/api/v1/matters/:code/publish',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary:
            'Publish the draft from a date (default today); the version in force is replaced from then, cases keep ' +
            'their version',
          params: MatterCodeParams,
          body: PublishBody,
          response: { 200: MatterView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => matters.publish(req.actor, req.params.code, req.body.effectiveFrom),
    );
  };
