import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import { poolStats, type Db } from '../db/database.js';
import { withTimeout } from './health.js';

/**
 * Prometheus metrics of one app. A registry per app (not prom-client's global one): tests build
 * many apps in one process, and each must count only its own requests.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Process metrics (CPU, memory, event loop); only a listening server collects them. */
  collectProcess(): void;
}

export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  const httpDuration = new Histogram({
    name: 'qingdan_http_request_duration_seconds',
    help: 'HTTP request durations by route (the route pattern, not the URL) and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'qingdan_db_pool_connections',
    help: 'PostgreSQL pool connections by state (absent on SQLite)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = poolStats(db);
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  registerDatabaseGauges(registry, db);
  let processCollected = false;
  return {
    registry,
    httpDuration,
    collectProcess() {
      if (processCollected) return;
      processCollected = true;
      collectDefaultMetrics({ register: registry });
    },
  };
}

const SCRAPE_MS = 3000;

/**
 * Figures read from the database at scrape time, so every instance reports the cluster's queues
 * and job runs alike. All use indexed columns or small tables; a database that does not answer
 * sets qingdan_database_up to 0 instead of failing the scrape.
 */
function registerDatabaseGauges(registry: Registry, db: Db): void {
  // Every gauge below awaits the same round of queries: prom-client collects metrics in parallel.
  let round: { at: number; done: Promise<Figures | null> } | null = null;
  const figures = () => {
    if (!round || Date.now() - round.at > 1000) {
      round = { at: Date.now(), done: withTimeout(readFigures(db), SCRAPE_MS, 'the database').catch(() => null) };
    }
    return round.done;
  };
  const gauge = (name: string, help: string, labels: string[], fill: (g: Gauge, f: Figures | null) => void) =>
    new Gauge({
      name,
      help,
      labelNames: labels,
      registers: [registry],
      async collect() {
        const f = await figures();
        this.reset();
        fill(this, f);
      },
    });
  gauge('qingdan_database_up', '1 when this scrape could read the database', [], (g, f) => g.set(f ? 1 : 0));
  gauge(
    'qingdan_queue_depth',
    'Rows waiting: search (items to index), notifications (unsent outbox)',
    ['queue'],
    (g, f) => {
      if (!f) return;
      g.set({ queue: 'search' }, f.searchQueue);
      g.set({ queue: 'notifications' }, f.outbox);
    },
  );
  gauge('qingdan_job_runs', 'Scheduled-job runs by job and status, across all instances', ['job', 'status'], (g, f) => {
    for (const r of f?.runs ?? []) g.set({ job: r.name, status: r.status }, Number(r.n));
  });
  gauge('qingdan_warning_items', 'Items under supervision by warning level', ['level'], (g, f) => {
    if (!f) return;
    for (const level of ['yellow', 'red']) g.set({ level }, f.warnings[level] ?? 0);
  });
}

interface Figures {
  searchQueue: number;
  outbox: number;
  runs: Array<{ name: string; status: string; n: number }>;
  warnings: Record<string, number>;
}

async function readFigures(db: Db): Promise<Figures> {
  const search = await db
    .selectFrom('search_queue')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const outbox = await db
    .selectFrom('notification_outbox')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const runs = await sql<{ name: string; status: string; n: number }>`
    select name, status, count(*) as n from job_runs group by name, status`.execute(db);
  const levels = await db
    .selectFrom('item_supervision')
    .select(['warning_level', (e) => e.fn.countAll<number>().as('n')])
    .where('warning_level', 'in', ['yellow', 'red'])
    .groupBy('warning_level')
    .execute();
  return {
    searchQueue: Number(search?.n ?? 0),
    outbox: Number(outbox?.n ?? 0),
    runs: runs.rows,
    warnings: Object.fromEntries(levels.map((l) => [l.warning_level, Number(l.n)])),
  };
}
