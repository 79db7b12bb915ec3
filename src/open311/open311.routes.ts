/**
 * Open311 GeoReport v2 over HTTP, under /open311/v2. The format is the path's suffix (.xml, the
 * required one, or .json). The routes live in their own encapsulated plugin so that every error
 * — ours, the core's AppError, Fastify's own (body too large, bad media type) — and every unknown
 * path under /open311 answers in Open311's error format, not the native API's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Open311Deps } from './open311.feature.js';
import { badRequest, notFound311, text } from './errors.js';
import { formatOfPath, parseFormat, render, renderError, type Open311Document, type Open311Format } from './format.js';
import { open311Service, type Open311Call } from './open311.service.js';
import { open311Submit } from './open311-submit.js';
import type { RawParams } from './params.js';
import type { Lang } from './types.js';
import { preferredLang } from '../http/lang.js';

const tags = ['open311'];
type FileParams = { Params: { file: string } };

const objectOr = (v: unknown): RawParams => (v && typeof v === 'object' && !Array.isArray(v) ? (v as RawParams) : {});

/** English when asked with lang/locale=en… (query or form) or an Accept-Language preferring English. */
function langOf(req: FastifyRequest): Lang {
  const q = objectOr(req.query);
  const b = objectOr(req.body);
  const asked = [q.lang, q.locale, b.lang, b.locale].find((v) => typeof v === 'string' && v !== '');
  if (typeof asked === 'string') return /^en\b/i.test(asked.trim()) ? 'en' : 'zh';
  return preferredLang(req.headers['accept-language']);
}

function callOf(req: FastifyRequest, params: RawParams, publicUrl: string): Open311Call {
  const header = req.headers['x-api-key'];
  return {
    params,
    lang: langOf(req),
    // Links in answers point at the configured address: the Host header is the caller's to write.
    baseUrl: publicUrl,
    ...(typeof header === 'string' && header !== '' && { headerKey: header }),
  };
}

function send(reply: FastifyReply, format: Open311Format, doc: Open311Document) {
  const { contentType, body } = render(format, doc);
  return reply.status(200).type(contentType).send(body);
}

const unknownPath = (req: FastifyRequest) =>
  notFound311(
    text(
      `没有这个 Open311 接口：${req.method} ${req.url.split('?')[0]}`,
      `no Open311 endpoint ${req.method} ${req.url.split('?')[0]}`,
    ),
  );

export const open311Routes =
  (deps: Open311Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const reads = open311Service(deps);
    const submit = open311Submit(deps, reads);

    await app.register(
      async (scope: FastifyInstance) => {
        scope.setErrorHandler((err, req, reply) => {
          const out = renderError(err, formatOfPath(req.url), langOf(req));
          if (out.status >= 500) req.log.error({ err }, 'open311 request failed');
          else req.log.info({ status: out.status }, 'open311 request refused');
          void reply.status(out.status).type(out.contentType).send(out.body);
        });
        scope.setNotFoundHandler((req) => {
          throw unknownPath(req);
        });
        // Browser-based 311 apps on other origins may read: nothing here depends on cookies (POST
        // authenticates by api_key), so no credentials are ever allowed.
        scope.addHook('onSend', async (_req, reply, payload) => {
          reply.header('Access-Control-Allow-Origin', '*');
          return payload;
        });

        scope.get<FileParams>(
          '/v2/:file',
          { schema: { tags, summary: 'discovery, services, requests, servicerequestupdates (.xml or .json)' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            const call = callOf(req, objectOr(req.query), deps.config.publicUrl);
            switch (name) {
              case 'discovery':
                return send(reply, format, { kind: 'discovery', data: reads.discovery(call) });
              case 'services':
                return send(reply, format, { kind: 'services', data: await reads.services(call) });
              case 'requests': {
                const { data, total } = await reads.requestsPage(call);
                // Beyond the spec (which caps an answer at 1,000 requests): how many there are.
                if (total) {
                  reply.header('X-Total-Count', String(total.total));
                  reply.header('X-Total-Exact', String(total.exact));
                }
                return send(reply, format, { kind: 'requests', data });
              }
              case 'servicerequestupdates':
                return send(reply, format, { kind: 'updates', data: await reads.updates(call) });
              default:
                throw unknownPath(req);
            }
          },
        );

        // Discovery is also looked for at the root of the Open311 area.
        scope.get<FileParams>(
          '/:file',
          { schema: { tags, summary: 'discovery (.xml or .json)' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            if (name !== 'discovery') throw unknownPath(req);
            return send(reply, format, {
              kind: 'discovery',
              data: reads.discovery(callOf(req, objectOr(req.query), deps.config.publicUrl)),
            });
          },
        );

        scope.post<FileParams>(
          '/v2/:file',
          { schema: { tags, summary: 'POST requests.xml|json: create a service request (form-encoded, api_key)' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            if (name !== 'requests') throw unknownPath(req);
            if (req.isMultipart()) {
              throw badRequest(
                text('请以 application/x-www-form-urlencoded 提交', 'POST must be application/x-www-form-urlencoded'),
              );
            }
            // The spec's parameters are form fields; jurisdiction_id and api_key may also be in the query.
            const call = callOf(req, { ...objectOr(req.query), ...objectOr(req.body) }, deps.config.publicUrl);
            return send(reply, format, { kind: 'post_response', data: await submit(call) });
          },
        );

        scope.get<FileParams>(
          '/v2/services/:file',
          { schema: { tags, summary: 'service definition: the attributes of a service' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            return send(reply, format, {
              kind: 'service_definition',
              data: await reads.definition(callOf(req, objectOr(req.query), deps.config.publicUrl), name),
            });
          },
        );

        scope.get<FileParams>(
          '/v2/requests/:file',
          { schema: { tags, summary: 'one service request' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            return send(reply, format, {
              kind: 'requests',
              data: await reads.requests(callOf(req, objectOr(req.query), deps.config.publicUrl), name),
            });
          },
        );

        scope.get<FileParams>(
          '/v2/tokens/:file',
          { schema: { tags, summary: 'service_request_id from a token' } },
          async (req, reply) => {
            const { name, format } = parseFormat(req.params.file);
            return send(reply, format, {
              kind: 'token',
              data: await reads.token(callOf(req, objectOr(req.query), deps.config.publicUrl), name),
            });
          },
        );

        // Beats the web UI's catch-all, so unknown Open311 paths answer in Open311's format too.
        scope.all('/*', { schema: { hide: true } }, async (req) => {
          throw unknownPath(req);
        });
      },
      { prefix: '/open311' },
    );
  };
