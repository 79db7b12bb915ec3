import type { Config } from './config.js';
import { createDb, type Db } from './db/database.js';
import { detectDialect, type Dialect } from './db/dialect.js';
import { migrateForStart } from './db/migrate.js';
import type { Feature } from './feature.js';
import { features as allFeatures, PROBLEM_HOOKS } from './features.js';
import type { Job } from './jobs/job-runner.js';
import { RateLimiter } from './http/rate-limit.js';
import { composeHooks } from './kernel-hooks.js';
import { emptyHooks, type ProblemHooks } from './problems/problem-hooks.js';
import { systemClock, type Clock } from './shared/time.js';
import { pino, type Logger } from 'pino';
import { redactedRequest } from './http/redact-url.js';

/**
 * The application without HTTP: the database and its dialect, the configuration, the clock, and
 * every feature installed in the order of `src/features.ts`. `buildApp` serves one; the command
 * line and the demo seeder run on one, so an import or a seeded item goes through the same hooks
 * as a request.
 */
export interface Kernel {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly config: Config;
  readonly clock: Clock;
  /** The one logger: the server's request logs and every feature's own. */
  readonly log: Logger;
  /** Everything features added to the problem write path, composed (see PROBLEM_HOOKS). */
  readonly hooks: ProblemHooks;
  /** Every feature's scheduled jobs. */
  readonly jobs: readonly Job[];
  readonly rateLimiter: RateLimiter;
  readonly features: readonly Feature<any>[];
  /** A feature's state, typed by the feature. */
  of<S>(feature: Feature<S>): S;
  has(feature: Feature<any>): boolean;
  /** Runs every feature's `start` (caches, queues) once. */
  start(): Promise<void>;
  /** Reloads what other instances may have changed (settings caches); the scheduler calls it. */
  refresh(): Promise<void>;
  /** Runs every feature's `listen` (timers of a listening server). */
  listen(): void;
  /** Closes features in reverse order, then the database if the kernel opened it. */
  close(): Promise<void>;
}

export interface KernelOptions {
  /** An open database (tests, the server after seeding); the caller closes it. */
  db?: Db;
  dialect?: Dialect;
  clock?: Clock;
  /** Run migrations first (default true). */
  migrate?: boolean;
  /** Close a given `db` in close(), after the features (a database the kernel opened is always closed). */
  closeDb?: boolean;
  features?: readonly Feature<any>[];
  /** false: log nothing (tests); an object: pino options. Default: the configured level. */
  logger?: boolean | object;
}

export async function createKernel(config: Config, opts: KernelOptions = {}): Promise<Kernel> {
  const opened = opts.db ? null : createDb(config);
  const db = opts.db ?? opened!.db;
  const dialect = opts.dialect ?? opened?.dialect ?? detectDialect(db);
  if (opts.migrate !== false) await migrateForStart(db);
  const features = opts.features ?? allFeatures;
  const states = new Map<Feature<any>, unknown>();
  const installed = new Set<Feature<any>>();
  const clock = opts.clock ?? systemClock;
  const hooks = emptyHooks();
  const jobs: Job[] = [];
  let started: Promise<void> | null = null;
  let closed: Promise<void> | null = null;

  const k: Kernel = {
    db,
    dialect,
    config,
    clock,
    log: loggerFor(config, opts.logger),
    hooks,
    jobs,
    rateLimiter: new RateLimiter(() => clock().getTime(), dialect.name === 'postgres' ? db : null),
    features,
    of<S>(feature: Feature<S>): S {
      if (!installed.has(feature)) {
        throw new Error(`feature "${feature.name}" is not installed (yet): list it earlier in src/features.ts`);
      }
      return states.get(feature) as S;
    },
    has: (feature) => installed.has(feature),
    start() {
      started ??= (async () => {
        for (const f of features) await f.start?.(states.get(f) as never, k);
      })();
      return started;
    },
    async refresh() {
      for (const f of features) await f.refresh?.(states.get(f) as never, k);
    },
    listen() {
      for (const f of features) f.listen?.(states.get(f) as never, k);
    },
    close() {
      closed ??= (async () => {
        for (const f of [...features].reverse()) await f.close?.(states.get(f) as never, k);
        if (opened || opts.closeDb) await db.destroy();
      })();
      return closed;
    },
  };

  for (const f of features) {
    states.set(f, f.install?.(k));
    installed.add(f);
  }
  composeHooks(
    hooks,
    features.map((f) => ({ feature: f.name, set: f.hooks?.(states.get(f) as never, k) ?? {} })),
    PROBLEM_HOOKS,
  );
  for (const f of features) jobs.push(...(f.jobs?.(states.get(f) as never, k) ?? []));
  return k;
}

/** Credentials never reach the logs, whichever feature logs a request or its headers. */
const REDACT = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-api-key"]',
    'req.headers["x-tracking-token"]',
    'headers.cookie',
    'headers.authorization',
    'headers["x-api-key"]',
    'password',
    '*.password',
    'token',
    '*.token',
    // QINGDAN_S3_SECRET_ACCESS_KEY, wherever the settings are logged (config, config.s3, s3).
    'secretAccessKey',
    '*.secretAccessKey',
    '*.*.secretAccessKey',
  ],
  censor: '[redacted]',
};

function loggerFor(config: Config, option: boolean | object | undefined): Logger {
  if (option === false) return pino({ level: 'silent' });
  // Fastify logs each request through this logger's `req` serializer: URLs go out with secrets redacted.
  return pino({
    level: config.logLevel,
    redact: REDACT,
    serializers: { req: redactedRequest },
    ...(typeof option === 'object' ? option : {}),
  });
}
