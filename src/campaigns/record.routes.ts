import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import {
  FindingsInput,
  ForumDetail,
  ForumInput,
  ForumPage,
  IdParams,
  PlainListQuery,
  SubjectInput,
  SubjectListQuery,
  SubjectPage,
  SubjectView,
  ItemBrief,
  VisitDetail,
  VisitInput,
  VisitListQuery,
  VisitPage,
} from './campaign.schema.js';
import { EnforcementView } from './campaign-plan.schema.js';
import { RECORDERS } from './campaign-access.js';
import type { CampaignsState } from './campaigns.feature.js';

const tags = ['campaigns'];
const Created = Type.Object({ id: Type.Integer(), items: Type.Array(Type.String()) });

/** Subjects, field-research visits and forums. */
export const recordRoutes =
  (s: CampaignsState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/v1/subjects',
      {
        config: { access: RECORDERS },
        schema: {
          tags,
          summary:
            'Record a subject (enterprise with its unified social credit code, estate, village, school, market …)',
          body: SubjectInput,
          response: { 201: Type.Object({ id: Type.Integer() }), ...errors(400, 401, 403, 409) },
        },
      },
      async (req, reply) => reply.status(201).send({ id: await s.subjects.create(req.actor, req.body) }),
    );
    app.get(
      '/api/v1/subjects',
      {
        schema: {
          tags,
          summary: "Subjects, paged (department staff: their own and their campaigns'; the public: public ones)",
          querystring: SubjectListQuery,
          response: { 200: SubjectPage, ...errors(400) },
        },
      },
      async (req) => s.subjects.list(req.actor, req.query),
    );
    app.get(
      '/api/v1/subjects/:id',
      {
        schema: {
          tags,
          summary: 'A subject with every item that concerns it, its plans and its enforcement record',
          params: IdParams,
          response: {
            200: Type.Object({
              subject: SubjectView,
              items: Type.Array(ItemBrief),
              plans: Type.Array(
                Type.Object({
                  planId: Type.Integer(),
                  campaignId: Type.Integer(),
                  campaignName: Type.String(),
                  item: ItemBrief,
                }),
              ),
              enforcement: Type.Array(EnforcementView),
            }),
            ...errors(404),
          },
        },
      },
      async (req) => s.subjects.get(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/visits',
      {
        config: { access: RECORDERS },
        schema: {
          tags,
          summary:
            'Record a field-research visit (调研走访); each finding becomes an item (source 领导一线调研) owned by the leader',
          body: VisitInput,
          response: { 201: Created, ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await s.visits.create(req.actor, req.body)),
    );
    app.post(
      '/api/v1/visits/:id/findings',
      {
        config: { access: RECORDERS },
        schema: {
          tags,
          summary: 'Add findings to a visit (each an item)',
          params: IdParams,
          body: FindingsInput,
          response: { 201: Type.Object({ items: Type.Array(Type.String()) }), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ items: await s.visits.addFindings(req.actor, req.params.id, req.body.findings) }),
    );
    app.get(
      '/api/v1/visits',
      {
        schema: {
          tags,
          summary: 'Visits with the problems each found, paged; by leader or month',
          querystring: VisitListQuery,
          response: { 200: VisitPage, ...errors(400) },
        },
      },
      async (req) => s.visits.list(req.actor, req.query),
    );
    app.get(
      '/api/v1/visits/:id',
      {
        schema: {
          tags,
          summary: 'A visit and its findings as items',
          params: IdParams,
          response: { 200: VisitDetail, ...errors(404) },
        },
      },
      async (req) => s.visits.get(req.actor, req.params.id),
    );

    app.post(
      '/api/v1/forums',
      {
        config: { access: RECORDERS },
        schema: {
          tags,
          summary:
            'Record a forum (座谈会/调研会); each point raised becomes an item linked to the enterprise that raised it',
          body: ForumInput,
          response: { 201: Created, ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await s.forums.create(req.actor, req.body)),
    );
    app.post(
      '/api/v1/forums/:id/points',
      {
        config: { access: RECORDERS },
        schema: {
          tags,
          summary: 'Add points raised at a forum (each an item)',
          params: IdParams,
          body: FindingsInput,
          response: { 201: Type.Object({ items: Type.Array(Type.String()) }), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ items: await s.forums.addPoints(req.actor, req.params.id, req.body.findings) }),
    );
    app.get(
      '/api/v1/forums',
      {
        schema: {
          tags,
          summary: 'Forums, paged',
          querystring: PlainListQuery,
          response: { 200: ForumPage, ...errors(400) },
        },
      },
      async (req) => s.forums.list(req.actor, req.query),
    );
    app.get(
      '/api/v1/forums/:id',
      {
        schema: {
          tags,
          summary: 'A forum and what became of each point',
          params: IdParams,
          response: { 200: ForumDetail, ...errors(404) },
        },
      },
      async (req) => s.forums.get(req.actor, req.params.id),
    );
  };
