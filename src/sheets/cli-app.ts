/**
 * The CLI's view of the application: the same services, features and hooks as the server (so an
 * import indexes, supervises and audits exactly as an upload would), without listening.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { cliConfig } from '../cli/context.js';
import type { Actor } from '../auth/actor.js';
import { actorForUser } from '../users/user.service.js';
import { skipStartupIndex } from '../search/search.feature.js';

/** Work done at the console belongs to nobody in particular unless --as names a user. */
export const CONSOLE_ACTOR: Actor = {
  kind: 'user',
  id: null,
  name: '命令行 console',
  role: 'admin',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
};

export async function withApp<T>(
  fn: (app: FastifyInstance) => Promise<T>,
  opts: { autoIndex?: boolean } = {},
): Promise<T> {
  const config = cliConfig();
  // The web UI is not needed to run a command.
  const app = await buildApp({ ...config, webDir: '/nonexistent' }, { logger: false });
  if (opts.autoIndex === false) skipStartupIndex(app.services);
  try {
    await app.ready();
    return await fn(app);
  } finally {
    await app.close();
  }
}

export async function cliActor(app: FastifyInstance, username?: string): Promise<Actor> {
  if (!username) return CONSOLE_ACTOR;
  const db = app.services.db;
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw new Error(`no active user "${username}"`);
  return actorForUser(db, row, 'key');
}
