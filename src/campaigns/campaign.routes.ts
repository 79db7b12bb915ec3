import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CodeParams, errors } from '../http/common-schemas.js';
import { IdParams, PlainListQuery, id } from './campaign.schema.js';
import { campaignItems } from './campaign-items.js';
import {
  CampaignDetail,
  CampaignInput,
  CampaignItemPage,
  CampaignListQuery,
  CampaignPage,
  EnforcementInput,
  LiftInput,
  PanelInput,
  PlanInput,
} from './campaign-plan.schema.js';
import { CampaignFigures, campaignFigures } from './campaign-stats.js';
import { CAMPAIGN_OFFICE, PANEL_RECORDERS, PLANNERS } from './campaign-access.js';
import type { CampaignsState } from './campaigns.feature.js';

const tags = ['campaigns'];

/** Campaigns with their plans, enforcement, acceptance panels, programmes and figures. */
export const campaignRoutes =
  (s: CampaignsState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/campaigns/figures',
      {
        schema: {
          tags,
          summary: 'Visits, problems found, livelihood, forums and campaigns, by leader and month',
          response: { 200: CampaignFigures },
        },
      },
      async (req) => campaignFigures(s.rt.db, req.actor),
    );
    app.post(
      '/api/v1/campaigns',
      {
        config: { access: CAMPAIGN_OFFICE },
        schema: {
          tags,
          summary: 'Open a campaign (专项整治): an item assigned to its department with its deadline',
          body: CampaignInput,
          response: { 201: Type.Object({ id: Type.Integer(), code: Type.String() }), ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await s.campaigns.create(req.actor, req.body)),
    );
    app.get(
      '/api/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'Campaigns with progress rolled up from their plans, paged',
          querystring: CampaignListQuery,
          response: { 200: CampaignPage, ...errors(400) },
        },
      },
      async (req) => s.campaigns.list(req.actor, req.query),
    );
    app.get(
      '/api/v1/campaigns/:id',
      {
        schema: {
          tags,
          summary: 'A campaign: plans and milestones, enforcement, panels',
          params: IdParams,
          response: { 200: CampaignDetail, ...errors(404) },
        },
      },
      async (req) => s.campaigns.get(req.actor, req.params.id),
    );
    app.get(
      '/api/v1/campaigns/:id/items',
      {
        schema: {
          tags,
          summary:
            'Items attached to a campaign after it was opened (from a hot spot or by code), oldest first, paged; ' +
            'each as the reader may see it (the public: public items only)',
          params: IdParams,
          querystring: PlainListQuery,
          response: { 200: CampaignItemPage, ...errors(400, 404) },
        },
      },
      async (req) => campaignItems(s.rt.db, req.actor, req.params.id, req.query),
    );
    app.post(
      '/api/v1/campaigns/:id/plans',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: "A subject's plan (一企一策): a child item whose measures are back-scheduled milestones",
          params: IdParams,
          body: PlanInput,
          response: {
            201: Type.Object({
              id: Type.Integer(),
              code: Type.String(),
              milestones: Type.Array(
                Type.Object({ name: Type.String(), dueDate: Type.String(), weight: Type.Number() }),
              ),
            }),
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await s.plans.add(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/api/v1/campaigns/:id/enforcement',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: 'Record an enforcement measure (查封, 错峰生产, 约谈 …) on a subject of the campaign',
          params: IdParams,
          body: EnforcementInput,
          response: { 201: Type.Object({ id: Type.Integer() }), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ id: await s.enforcement.record(req.actor, req.params.id, req.body) }),
    );
    app.post(
      '/api/v1/campaigns/:id/enforcement/:measureId/lift',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: 'Lift a measure after rectification (the lifting is recorded)',
          params: Type.Object({ id, measureId: id }),
          body: LiftInput,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await s.enforcement.lift(req.actor, req.params.id, req.params.measureId, req.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/v1/campaigns/acceptance/:code',
      {
        config: { access: PANEL_RECORDERS },
        schema: {
          tags,
          summary: "A residents' acceptance panel (群众代表验收) on a rectified item or campaign; failed sends it back",
          params: CodeParams,
          body: PanelInput,
          response: {
            201: Type.Object({ id: Type.Integer(), result: Type.String() }),
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      async (req, reply) => reply.status(201).send(await s.panels.record(req.actor, req.params.code, req.body)),
    );
  };
