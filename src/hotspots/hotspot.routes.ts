import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CITYWIDE_ROLES } from '../auth/actor.js';
import { PLANNERS } from '../campaigns/campaign-access.js';
import { caller } from '../comments/comment.routes.js';
import type { CommentService } from '../comments/comment.service.js';
import { CodeParams, errors, IdParams } from '../http/common-schemas.js';
import {
  AttachBody,
  AttachResult,
  ClusterPage,
  HotQuery,
  MetooState,
  PromoteBody,
  PromoteResult,
} from './hotspot.schema.js';
import type { HotspotsState } from './hotspots.feature.js';
import { PROMOTERS } from './promote.service.js';

const tags = ['hotspots'];

/** Hot spots (docs/history.md): clusters for the office and the public, "me too", promotion, attachment. */
export const hotspotRoutes =
  (s: HotspotsState, comments: CommentService, secureCookies: boolean): FastifyPluginAsyncTypebox =>
  async (app) => {
    const supporter = (req: FastifyRequest, reply?: FastifyReply) =>
      caller(comments, req, reply && { to: reply, secure: secureCookies });

    app.get(
      '/api/v1/hotspots',
      {
        config: { access: [...CITYWIDE_ROLES] },
        schema: {
          tags,
          summary: 'Clusters of similar items of one area in the window, private ones included, ranked',
          querystring: HotQuery,
          response: { 200: ClusterPage, ...errors(400, 401, 403) },
        },
      },
      async (req) => s.hot.clusters(false, req.query),
    );

    app.get(
      '/api/v1/hotspots/public',
      {
        schema: {
          tags,
          summary: 'Hot topics (热点问题): clusters of public items only, without anything about who reported them',
          querystring: HotQuery,
          response: { 200: ClusterPage, ...errors(400) },
        },
      },
      async (req) => s.hot.clusters(true, req.query),
    );

    const metoo = { tags, params: CodeParams, response: { 200: MetooState, ...errors(400, 404, 429) } };
    app.get(
      '/api/v1/hotspots/items/:code/metoo',
      { schema: { ...metoo, summary: 'How many said "me too" (我也遇到) on a public item, and whether I did' } },
      async (req) => s.metoo.get(await supporter(req), req.params.code),
    );
    app.post(
      '/api/v1/hotspots/items/:code/metoo',
      {
        schema: {
          ...metoo,
          summary:
            'Say "me too" on a public item: once per account, or once per signed device (the qd_device cookie, ' +
            'issued here); anonymous ones are capped per address per item; 404 for items that are not public',
        },
      },
      async (req, reply) => s.metoo.set(await supporter(req, reply), req.params.code, true),
    );
    app.delete(
      '/api/v1/hotspots/items/:code/metoo',
      { schema: { ...metoo, summary: 'Take a "me too" back' } },
      async (req, reply) => s.metoo.set(await supporter(req, reply), req.params.code, false),
    );

    app.post(
      '/api/v1/hotspots/promote',
      {
        config: { access: [...PROMOTERS] },
        schema: {
          tags,
          summary:
            "Promote a cluster to a systemic item (每月一题 / 小切口大整治): one new item, the cluster's items " +
            'linked to it (as children where they had no parent), audited on every item',
          body: PromoteBody,
          response: { 201: PromoteResult, ...errors(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await s.promote.promote(req.actor, req.body)),
    );

    app.post(
      '/api/v1/hotspots/campaigns/:id/items',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: 'Attach existing items to a campaign (专项整治) opened before them; audited on both chains',
          params: IdParams,
          body: AttachBody,
          response: { 200: AttachResult, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => s.promote.attach(req.actor, req.params.id, req.body.codes),
    );

    app.delete(
      '/api/v1/hotspots/campaigns/:id/items/:code',
      {
        config: { access: PLANNERS },
        schema: {
          tags,
          summary: 'Detach an attached item from a campaign; audited on both chains like the attachment',
          params: Type.Object({ id: IdParams.properties.id, code: CodeParams.properties.code }),
          response: { 204: Type.Null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await s.promote.detach(req.actor, req.params.id, req.params.code);
        return reply.status(204).send(null);
      },
    );
  };
