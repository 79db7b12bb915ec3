import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Kernel } from '../kernel.js';

/** Migration 20261207T0520-settings-version. */
export interface SettingsVersionTable {
  id: number;
  version: number;
}

declare module '../db/schema.js' {
  interface Database {
    settings_version: SettingsVersionTable;
  }
}

/** Call in the transaction that changes a cached setting, so other instances see it changed. */
export async function bumpSettingsVersion(trx: Db): Promise<void> {
  await trx.updateTable('settings_version').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
}

/** How old a read request's view of the settings may be; a write always checks first. */
export const READ_CHECK_MS = 1000;

/**
 * Keeps this instance's settings caches (calendar, time limits) in step with the database: before a
 * write request, and before a read at most once a second, one primary-key read of the version row;
 * when it moved, the features reload (k.refresh) before the request goes on. So a deadline computed
 * on any instance uses the time limits another instance saved a moment ago. Concurrent requests
 * share one check.
 */
export function settingsWatch(k: Pick<Kernel, 'db' | 'refresh'>, now = () => Date.now()) {
  let seen: number | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  const check = async () => {
    checkedAt = now();
    const row = await k.db.selectFrom('settings_version').select('version').where('id', '=', 1).executeTakeFirst();
    const version = Number(row?.version ?? 0);
    if (version !== seen) {
      await k.refresh();
      seen = version;
    }
  };
  return (write: boolean): Promise<void> => {
    if (!write && now() - checkedAt < READ_CHECK_MS) return Promise.resolve();
    inFlight ??= check().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

export function registerSettingsWatch(app: FastifyInstance, k: Kernel): void {
  const fresh = settingsWatch(k);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/open311/')) return;
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    // A failed check leaves the caches as they were: the request itself will meet the database.
    await fresh(write).catch((err) => req.log.warn({ err }, 'checking the settings version failed'));
  });
}
