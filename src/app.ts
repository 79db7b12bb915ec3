import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Clock } from './shared/time.js';
import { createKernel, type Kernel } from './kernel.js';
import { clientErrorHandler, frameworkErrors, noRoute, registerErrorHandling } from './http/error-handler.js';
import { registerSecurity } from './http/security.js';
import { registerStrictBodies } from './http/text-input.js';
import { webCacheHeaders } from './http/web-cache.js';
import { tileOrigin } from './residents/map-config.js';
import { registerAuth } from './http/auth-hook.js';
import { registerGuessThrottle } from './http/guess-throttle.js';
import { registerAccess } from './http/access.js';
import { ErrorSchema } from './http/common-schemas.js';
import { usersFeature } from './users/users.feature.js';
import { opsFeature } from './ops/ops.feature.js';
import { registerRequestTracking, requestId } from './ops/request-id.js';
import { registerSettingsWatch } from './ops/settings-watch.js';

export interface BuildOptions {
  /** An open database (tests); the caller closes it. Default: the configured one, closed with the app. */
  db?: Db;
  /** Close `db` with the app, after every feature has stopped (the server, which opened it to seed). */
  closeDb?: boolean;
  clock?: Clock;
  logger?: boolean | object;
  /** Run migrations before serving (default true). */
  migrate?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The application behind the routes: every feature's state (`app.kernel.of(feature)`). */
    kernel: Kernel;
  }
}

/** Builds the whole application without listening; tests drive it with app.inject(). */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const k = await createKernel(config, {
    db: opts.db,
    clock: opts.clock,
    migrate: opts.migrate,
    logger: opts.logger,
    closeDb: opts.closeDb,
  });
  const app = Fastify({
    // The kernel's logger: requests and features log through one pino instance.
    loggerInstance: k.log as FastifyBaseLogger,
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy ? [...config.trustProxy] : false,
    // Deeply nested JSON is refused by the parser before it can cost anything.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
    // Ids unique across instances (not req-1 in each process), or the proxy's X-Request-Id.
    requestIdHeader: false,
    genReqId: requestId,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('kernel', k);
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
  registerStrictBodies(app, config.maxBodyBytes);
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes + 1, files: 1, fields: 10, parts: 12 },
  });
  registerErrorHandling(app);
  if (k.has(opsFeature)) registerRequestTracking(app, k.of(opsFeature));
  registerSettingsWatch(app, k);
  registerSecurity(app, tileOrigin(config.map));
  registerGuessThrottle(app, k.rateLimiter, config);
  registerAuth(app, k.of(usersFeature));
  registerAccess(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const f of k.features) {
    if (f.routes) await app.register(f.routes(k.of(f), k));
  }

  await serveWebUi(app, config.webDir);
  app.addHook('onReady', async () => k.start());
  app.addHook('onListen', async () => k.listen());
  app.addHook('onClose', async () => k.close());
  return app;
}

/** The built UI at /, with the SPA's index.html for any unknown non-API path. */
async function serveWebUi(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br/.gz beside each asset (web/build/compress-assets.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: webCacheHeaders,
  });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0];
    if (url.startsWith('/api/') || url.startsWith('/open311/')) {
      return reply.status(404).send(noRoute(req));
    }
    const candidate = path.join(webDir, path.normalize(url));
    if (candidate.startsWith(webDir + path.sep) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return reply.sendFile(path.relative(webDir, candidate));
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
