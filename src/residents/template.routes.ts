import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../http/common-schemas.js';
import type { TemplateStore } from './template-store.js';
import { MessagePreview, PreviewBody, TemplateBody, TemplateList, TemplateParams } from './template.schema.js';

const tags = ['residents'];
const config = { access: 'admin' as const };

/** The admin's messages to reporters: read, edit (placeholders checked), preview, reset to default. */
export const templateRoutes =
  (store: TemplateStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/residents/templates',
      { config, schema: { tags, response: { 200: TemplateList, ...errors(401, 403) } } },
      async () => ({ items: await store.list() }),
    );
    app.put(
      '/api/v1/residents/templates/:action/:lang',
      {
        config,
        schema: {
          tags,
          params: TemplateParams,
          body: TemplateBody,
          response: { 200: MessagePreview, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await store.save(req.params.action, req.params.lang, req.body, req.actor.name);
        return store.preview(req.params.action);
      },
    );
    app.delete(
      '/api/v1/residents/templates/:action/:lang',
      {
        config,
        schema: { tags, params: TemplateParams, response: { 200: MessagePreview, ...errors(401, 403, 404) } },
      },
      async (req) => {
        await store.reset(req.params.action, req.params.lang);
        return store.preview(req.params.action);
      },
    );
    app.post(
      '/api/v1/residents/templates/:action/preview',
      {
        config,
        schema: {
          tags,
          params: Type.Object({ action: Type.String({ maxLength: 40 }) }),
          body: PreviewBody,
          response: { 200: MessagePreview, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const { lang, title, body } = req.body;
        const draft = lang && title !== undefined && body !== undefined ? { title, body } : undefined;
        return store.preview(req.params.action, lang, draft);
      },
    );
  };
