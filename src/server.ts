import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './app.js';
import { isEmpty, seedDemo } from './demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-reference.js';

/** Starts Qingdan: migrate, seed the demo city into an empty database if asked, listen. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const { db, dialect } = createDb(config);
  await migrateToLatest(db);
  const say = (m: string) => process.stdout.write(`${m}\n`);
  if (config.demo && (await isEmpty(db))) {
    say('清单 Qingdan: seeding the demo city (Jingzhou) into the empty database …');
    await seedDemo(db, dialect, config, { generated: Number(process.env.QINGDAN_DEMO_ITEMS ?? 2000), log: say });
    say(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`,
    );
  }
  const app = await buildApp(config, { db, migrate: false });
  app.addHook('onClose', async () => db.destroy());
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  say(`清单 Qingdan is listening on http://${config.host}:${port} (${where})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  return app;
}
