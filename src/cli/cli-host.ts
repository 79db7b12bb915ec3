import { ConfigError, parseConfig, type Config } from '../config.js';
import { createDb, type OpenDb } from '../db/database.js';
import { migrateForStart } from '../db/migrate.js';
import { createKernel, type Kernel } from '../kernel.js';
import type { Actor } from '../auth/actor.js';
import { actorForUser } from '../users/user.service.js';

/**
 * What a feature's commands are given: the configuration and a way to run on the database alone
 * (migrations, backups) or on a whole kernel (everything else, so a command's writes go through
 * the same features and hooks as a request's).
 */
export interface CliHost {
  /** Parses configuration once or exits with a message naming the bad variable. */
  config(): Config;
  /** A migrated database, closed afterwards. */
  withDb<T>(fn: (open: OpenDb, config: Config) => Promise<T>): Promise<T>;
  /** A started kernel on a migrated database, closed afterwards. `start: false` skips features' start. */
  withKernel<T>(fn: (k: Kernel) => Promise<T>, opts?: { start?: boolean }): Promise<T>;
  /** The acting user: `--as <username>`, or the console. */
  actor(k: Kernel, username?: string): Promise<Actor>;
}

/** Work done at the console belongs to nobody in particular unless --as names a user. */
export const CONSOLE_ACTOR: Actor = Object.freeze({
  kind: 'user',
  id: null,
  name: '命令行 console',
  role: 'admin',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
}) as Actor;

export function cliHost(): CliHost {
  let parsed: Config | null = null;
  const config = () => {
    if (parsed) return parsed;
    try {
      parsed = parseConfig(process.env);
      return parsed;
    } catch (err) {
      if (err instanceof ConfigError) {
        process.stderr.write(`configuration error: ${err.message}\n`);
        process.exit(2);
      }
      throw err;
    }
  };
  return {
    config,
    async withDb(fn) {
      const open = createDb(config());
      try {
        await migrateForStart(open.db);
        return await fn(open, config());
      } finally {
        await open.db.destroy();
      }
    },
    async withKernel(fn, opts = {}) {
      const k = await createKernel(config());
      try {
        if (opts.start !== false) await k.start();
        return await fn(k);
      } finally {
        await k.close();
      }
    },
    async actor(k, username) {
      if (!username) return CONSOLE_ACTOR;
      const row = await k.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!row) throw new Error(`no active user "${username}"`);
      return actorForUser(k.db, row, 'key');
    },
  };
}

/** Prints a value as indented JSON, as every `--json` output does. */
export const printJson = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
