import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createDb } from './db/database.js';
import { migrateForStart } from './db/migrate.js';
import { withSeedLock } from './ops/seed-lock.js';
import { buildApp } from './app.js';
import { isEmpty, seedDemo } from './demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-reference.js';
import { opsFeature } from './ops/ops.feature.js';

/** Starts Qingdan: migrate, seed the demo city into an empty database if asked, listen. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const { db, dialect } = createDb(config);
  const { ahead } = await migrateForStart(db);
  const say = (m: string) => process.stdout.write(`${m}\n`);
  if (ahead.length) say(`清单 Qingdan: the schema is from a newer release (${ahead.join(', ')}); serving on it`);
  // Instances started together seed once: the first takes the lock, the others find the city there.
  await withSeedLock(db, dialect, async () => {
    if (!config.demo || !(await isEmpty(db))) return;
    say('清单 Qingdan: seeding the demo city (Jingzhou) into the empty database …');
    await seedDemo(db, dialect, config, { generated: Number(process.env.QINGDAN_DEMO_ITEMS ?? 2000), log: say });
    say(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`,
    );
  });
  // The kernel closes the database after every feature (indexer, scheduler, notifier) has stopped.
  const app = await buildApp(config, { db, migrate: false, closeDb: true });
  await app.listen({ port: config.port, host: config.host });
  const where = `${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}; ${attachmentsAt(config)}`;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  say(`清单 Qingdan is listening on http://${config.host}:${port} (${where})`);
  stopOnSignals(app);
  return app;
}

/** Where uploads are kept, for the start line (never the credentials). */
function attachmentsAt(config: Config): string {
  if (config.s3) return `attachments in S3 bucket ${config.s3.bucket} at ${config.s3.endpoint}`;
  return config.attachments === 'database' ? 'attachments in the database' : 'attachments on local disk';
}

/** The longest a stop waits for in-flight requests and jobs before giving up (exit 1). */
const STOP_TIMEOUT_MS = Number(process.env.QINGDAN_STOP_TIMEOUT_MS ?? 30_000);
/** How long /readyz says "draining" before the port closes, so a load balancer stops sending first. */
const DRAIN_DELAY_MS = Number(process.env.QINGDAN_DRAIN_DELAY_MS ?? 0);

/**
 * SIGTERM or SIGINT: report not ready, stop accepting connections, let in-flight requests finish,
 * stop jobs, the indexer and the notifier, close the database, exit 0. A second signal, or a stop
 * that outlasts its timeout, exits 1 at once.
 */
function stopOnSignals(app: FastifyInstance): void {
  let stoppingSince = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      // Ctrl-C under `npm start` arrives twice at once (from the terminal and forwarded by npm).
      if (Date.now() - stoppingSince < 1000) return;
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    app.log.info(`${signal}: draining requests and stopping`);
    if (app.kernel.has(opsFeature)) app.kernel.of(opsFeature).draining = true;
    const timer = setTimeout(() => {
      app.log.error(`stop took longer than ${STOP_TIMEOUT_MS} ms: exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    timer.unref();
    new Promise((r) => setTimeout(r, DRAIN_DELAY_MS))
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (err) => {
          app.log.error({ err }, 'stop failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
