import { lockAuditHead } from '../audit/audit.repository.js';
import { auditKey } from '../audit/audit-key.js';
import type { Config } from '../config.js';
import { sqliteFilePath, type Db } from '../db/database.js';
import type { Dialect, DialectName } from '../db/dialect.js';
import { ensureReference, loadRefs } from './bulk-refs.js';
import { inlinePlanner, workerPlanner, type Planner, type PlannerSetup } from './bulk-planner.js';
import type { FinalBatch } from './bulk-assign.js';
import { sqliteBulkWriter } from './bulk-sqlite.js';
import { postgresBulkWriter } from './bulk-postgres.js';
import type { BulkWriter } from './bulk-writer.js';

export interface BulkOptions {
  count: number;
  /** Months the items' creation dates spread over, ending now (default 12). */
  months?: number;
  /** The random seed: the same seed gives the same city (ids aside). */
  seed?: number;
  batchSize?: number;
  /** Plan in a worker thread (default: for runs of 20,000 items or more). */
  worker?: boolean;
  now?: Date;
  log?: (msg: string) => void;
  /** Awaited after each stored batch (progress reporting; tests interleave other writes here). */
  afterBatch?: (index: number) => Promise<void>;
}

export interface BulkResult {
  problems: number;
  events: number;
  seconds: number;
}

const DAY = 86_400_000;

/** Each dialect's bulk writer opens its own connection (COPY, or a second SQLite handle). */
const WRITERS: Record<DialectName, (config: Config) => BulkWriter> = {
  postgres: (config) => {
    if (!config.databaseUrl) throw new Error('a PostgreSQL database needs DATABASE_URL');
    return postgresBulkWriter(config.databaseUrl);
  },
  sqlite: (config) => sqliteBulkWriter(sqliteFilePath(config)),
};

/**
 * Adds `count` generated items with their whole histories, written in large batches with the
 * hash chain computed here instead of event by event. Lifecycle hooks of other features do not
 * run: their derived data is rebuilt afterwards by their own commands (see bulk-command.ts).
 */
export async function bulkSeed(db: Db, dialect: Dialect, config: Config, opts: BulkOptions): Promise<BulkResult> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  await ensureReference(db, log);
  const refs = await loadRefs(db);
  const now = (opts.now ?? new Date()).getTime();
  const months = opts.months ?? 12;
  const batchSize = opts.batchSize ?? 5000;
  const window = {
    total: opts.count,
    startMs: now - months * 30.44 * DAY,
    endMs: now - 60_000,
    nowMs: now,
    timezone: config.timezone,
  };
  // Seal the item chain first (a no-op once keyed), so every batch hashes under the same boundary.
  await db.transaction().execute((trx) => lockAuditHead(trx));
  const writer = WRITERS[dialect.name](config);
  let planner: Planner | null = null;
  let problems = 0;
  let events = 0;
  try {
    const setup: PlannerSetup = {
      refs,
      window,
      seed: opts.seed ?? 20261129,
      batchSize,
      prefix: config.codePrefix,
      auditKey: auditKey()?.toString('base64') ?? null,
      start: await writer.expectedStart(),
    };
    planner = (opts.worker ?? opts.count >= 20_000) ? workerPlanner(setup) : inlinePlanner(setup);
    const batches = Math.ceil(opts.count / batchSize);
    let nextLog = 0.1;
    let upcoming: Promise<FinalBatch> | null = batches > 0 ? planner.next(0) : null;
    for (let index = 0; upcoming; index++) {
      let batch = await upcoming;
      // Ask for the following batch first, so planning overlaps this batch's writing.
      upcoming = index + 1 < batches ? planner.next(index + 1) : null;
      for (let attempt = 0; ; attempt++) {
        const r = await writer.write(batch);
        if (r.ok) break;
        // Something else wrote meanwhile (a running server): renumber from where the database is.
        if (attempt >= 20)
          throw new Error('the database keeps changing under the bulk insert; stop the writers and try again');
        batch = await planner.renumber(index, r.actual);
      }
      problems += batch.problems.length;
      events += batch.events.length;
      await opts.afterBatch?.(index);
      if (problems / opts.count >= nextLog) {
        const secs = (Date.now() - started) / 1000;
        log(
          `bulk: ${problems.toLocaleString('en')} items, ${events.toLocaleString('en')} events ` +
            `(${Math.round(problems / secs).toLocaleString('en')} items/s)`,
        );
        nextLog = Math.floor((problems / opts.count) * 10 + 1) / 10;
      }
    }
    log('bulk: refreshing planner statistics …');
    await writer.finish();
  } finally {
    await planner?.close();
    await writer.close();
  }
  return { problems, events, seconds: (Date.now() - started) / 1000 };
}
