import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import { createDb, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock, type Clock } from './shared/time.js';
import { createServices, type Services } from './services.js';
import { frameworkErrors, registerErrorHandling } from './http/error-handler.js';
import { registerSecurity } from './http/security.js';
import { registerAuth } from './http/auth-hook.js';
import { ErrorSchema } from './http/common-schemas.js';
import { referenceRoutes } from './reference/reference.routes.js';
import { userRoutes } from './users/user.routes.js';
import { problemRoutes } from './problems/problem.routes.js';
import { attachmentRoutes } from './attachments/attachment.routes.js';
import { features } from './features.js';

export interface BuildOptions {
  db?: Db;
  clock?: Clock;
  logger?: boolean | object;
  /** Run migrations before serving (default true). */
  migrate?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the whole application without listening; tests drive it with app.inject(). */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const db = opts.db ?? createDb(config);
  if (opts.migrate !== false) await migrateToLatest(db);
  const clock = opts.clock ?? systemClock;
  const services = createServices(db, config, clock);
  for (const f of features) f.install?.(services);

  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    // Deeply nested JSON is refused by the parser before it can cost anything.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('services', services);
  // JSON, forms (Open311) and multipart (uploads) only: anything else is a 415, not a string body.
  app.removeContentTypeParser('text/plain');
  app.addSchema(ErrorSchema);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Qingdan 清单 API',
        version: '1',
        description: 'Problem list → service list. Errors use one format: {"error":{"code","message","details"}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qd_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: config.maxBodyBytes });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes + 1, files: 1, fields: 10, parts: 12 } });
  registerErrorHandling(app);
  registerSecurity(app);
  registerAuth(app, services);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(referenceRoutes(services));
  await app.register(userRoutes(services));
  await app.register(problemRoutes(services));
  await app.register(attachmentRoutes(services));
  for (const f of features) if (f.routes) await app.register(f.routes(services));

  await serveWebUi(app, config.webDir);
  app.addHook('onClose', async () => {
    for (const f of features) await f.close?.(services);
    if (!opts.db) await db.destroy();
  });
  return app;
}

/** The built UI at /, with the SPA's index.html for any unknown non-API path. */
async function serveWebUi(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0];
    if (url.startsWith('/api/') || url.startsWith('/open311/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${url}` } });
    }
    const candidate = path.join(webDir, path.normalize(url));
    if (candidate.startsWith(webDir + path.sep) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return reply.sendFile(path.relative(webDir, candidate));
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
