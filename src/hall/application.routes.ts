import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import {
  ActionBody,
  ActionParams,
  CaseList,
  CaseListQuery,
  CaseNoParams,
  CaseView,
  FreeServiceInput,
  PublicCaseView,
  RegisterBody,
  RegisterResult,
  SupplyBody,
} from './application.schema.js';
import { CASE_READERS, WINDOW_ROLES } from './application-access.js';
import type { HallState } from './hall.feature.js';

const tags = ['hall'];
const TokenQuery = Type.Object(
  { token: Type.Optional(Type.String({ maxLength: 100, description: "the case's token (applicants)" })) },
  { additionalProperties: false },
);
const WORKERS = ['admin', 'acceptance', 'department'] as const;

/** Applications (办件): the window desk, the back office, the applicant's progress page. */
export const applicationRoutes =
  (hall: HallState): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cases = hall.applications;

    app.post(
      '/api/v1/applications',
      {
        config: { access: [...WINDOW_ROLES] },
        schema: {
          tags,
          summary:
            'Register an application at a window: accepted with an acceptance notice, or a one-time notice listing ' +
            'what is missing (容缺 promises allowed)',
          body: RegisterBody,
          response: { 201: RegisterResult, ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await cases.register(req.actor, req.body)),
    );

    app.get(
      '/api/v1/applications',
      {
        config: { access: [...CASE_READERS] },
        schema: {
          tags,
          summary: 'Cases, newest first; department staff see their own department’s',
          querystring: CaseListQuery,
          response: { 200: CaseList, ...errors(400, 401, 403) },
        },
      },
      async (req) => cases.list(req.actor, req.query),
    );

    app.post(
      '/api/v1/applications/by-identity',
      {
        config: { access: [...WORKERS] },
        schema: {
          tags,
          summary: "An applicant's cases by ID number or credit code (in the body, so no URL or log carries it)",
          body: Type.Object(
            { idNumber: Type.String({ minLength: 1, maxLength: 40 }) },
            { additionalProperties: false },
          ),
          response: { 200: CaseList, ...errors(400, 401, 403) },
        },
      },
      async (req) => cases.byIdentity(req.actor, req.body.idNumber),
    );

    app.get(
      '/api/v1/applications/:no',
      {
        config: { access: [...CASE_READERS] },
        schema: {
          tags,
          summary: 'A case: materials, clock, warning, notices, rating; the ID number masked',
          params: CaseNoParams,
          response: { 200: CaseView, ...errors(401, 403, 404) },
        },
      },
      async (req) => cases.view(req.actor, req.params.no),
    );

    app.get(
      '/api/v1/applications/:no/progress',
      {
        schema: {
          tags,
          summary: "A case's progress for the applicant, with its number and token",
          params: CaseNoParams,
          querystring: TokenQuery,
          response: { 200: PublicCaseView, ...errors(400, 404) },
        },
      },
      async (req) => cases.publicView(req.params.no, req.query.token),
    );

    app.get(
      '/api/v1/applications/:no/events',
      {
        schema: {
          tags,
          summary: "A case's steps from the hall's audit chain (the applicant sees the public ones with the token)",
          params: CaseNoParams,
          querystring: TokenQuery,
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  action: Type.String(),
                  actorName: Type.Union([Type.String(), Type.Null()]),
                  fromState: Type.Union([Type.String(), Type.Null()]),
                  toState: Type.Union([Type.String(), Type.Null()]),
                  payload: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
                  createdAt: Type.String(),
                }),
              ),
            }),
            ...errors(400, 404),
          },
        },
      },
      async (req) => cases.timeline(req.actor.role === 'public' ? null : req.actor, req.params.no, req.query.token),
    );

    app.get(
      '/api/v1/applications/:no/identity',
      {
        config: { access: [...WORKERS] },
        schema: {
          tags,
          summary:
            "The applicant's ID number or credit code unmasked, for the window and the deciding department; audited",
          params: CaseNoParams,
          response: {
            200: Type.Object({
              number: Type.String(),
              kind: Type.String(),
              name: Type.String(),
              idNumber: Type.String(),
            }),
            ...errors(401, 403, 404),
          },
        },
      },
      async (req) => cases.identity(req.actor, req.params.no),
    );

    app.post(
      '/api/v1/applications/:no/materials',
      {
        config: { access: [...WORKERS] },
        schema: {
          tags,
          summary:
            'Materials brought later: completes an incomplete case (acceptance), a 容缺 promise, or a supplement ' +
            '(review resumes)',
          params: CaseNoParams,
          body: SupplyBody,
          response: { 200: CaseView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => cases.supply(req.actor, req.params.no, req.body),
    );

    app.post(
      '/api/v1/applications/:no/actions/:action',
      {
        config: { access: [...WORKERS] },
        schema: {
          tags,
          summary:
            'review, request_supplement (reason; the clock pauses), approve, refuse (reason), issue (method ' +
            'window|post), withdraw (reason)',
          params: ActionParams,
          body: ActionBody,
          response: { 200: CaseView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => cases.act(req.actor, req.params.no, req.params.action, req.body),
    );

    app.post(
      '/api/v1/applications/:no/free-services',
      {
        config: { access: [...WINDOW_ROLES] },
        schema: {
          tags,
          summary: 'Record free services the front desk gave for a case (copies, postage, seals, drawing reviews)',
          params: CaseNoParams,
          body: Type.Object(
            { uses: Type.Array(FreeServiceInput, { minItems: 1, maxItems: 4 }) },
            { additionalProperties: false },
          ),
          response: { 200: CaseView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => cases.freeServices(req.actor, req.params.no, req.body.uses),
    );

    app.get(
      '/api/v1/applications/:no/notices/:id/pdf',
      {
        schema: {
          tags,
          summary: 'A notice as a PDF (staff, or the applicant with the token; the token is printed only then)',
          params: Type.Object({
            no: Type.String({ minLength: 1, maxLength: 40 }),
            id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
          }),
          querystring: TokenQuery,
          response: { ...errors(400, 404, 503) },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await cases.noticePdf(req.actor, req.params.no, req.params.id, req.query.token);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
