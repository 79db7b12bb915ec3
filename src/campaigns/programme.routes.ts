import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CodeParams, errors } from '../http/common-schemas.js';
import { PanelView } from './campaign-plan.schema.js';
import { PartInput, ProgrammeView } from './programme.schema.js';
import { PLANNERS } from './campaign-access.js';
import type { CampaignsState } from './campaigns.feature.js';

const tags = ['campaigns'];

/** Programmes (parts and sub-projects with budgets and years) and the panels that judged an item. */
export const programmeRoutes =
  (s: CampaignsState): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/campaigns/programmes',
      {
        schema: {
          tags,
          summary: 'Programmes: the items whose children are parts, each rolled up (the public: public ones)',
          response: { 200: Type.Object({ items: Type.Array(ProgrammeView) }) },
        },
      },
      async (req) => s.programmes.list(req.actor),
    );
    app.get(
      '/api/v1/campaigns/programmes/:code',
      {
        schema: {
          tags,
          summary: 'A programme: parts and sub-projects with budgets, years, progress and money rolled up',
          params: CodeParams,
          response: { 200: ProgrammeView, ...errors(404) },
        },
      },
      async (req) => s.programmes.get(req.actor, req.params.code),
    );
    app.put(
      '/api/v1/campaigns/programmes/parts/:code',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: "A programme part's or sub-project's budget (万元) and planned years (not beyond its deadline)",
          params: CodeParams,
          body: PartInput,
          response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await s.programmes.setPart(req.actor, req.params.code, req.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/v1/campaigns/acceptance/:code',
      {
        schema: {
          tags,
          summary: "The residents' panels (群众代表验收) that judged an item, for its page (contacts for staff only)",
          params: CodeParams,
          response: { 200: Type.Object({ items: Type.Array(PanelView) }), ...errors(404) },
        },
      },
      async (req) => s.panels.ofItem(req.actor, req.params.code),
    );
  };
