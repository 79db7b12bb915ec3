import { ConfigError, parseConfig, type Config } from '../config.js';
import { createDb, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** Parses configuration or exits with a message naming the bad variable. */
export function cliConfig(overrides: Partial<Config> = {}): Config {
  try {
    return parseConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Runs `fn` with a migrated database and closes it afterwards. */
export async function withDb<T>(
  fn: (db: Db, config: Config) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const config = cliConfig(overrides);
  const db = createDb(config);
  try {
    await migrateToLatest(db);
    return await fn(db, config);
  } finally {
    await db.destroy();
  }
}
