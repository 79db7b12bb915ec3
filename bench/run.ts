import { execSync } from 'node:child_process';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { parseArgs } from './lib/args.js';
import { prepareDatabase } from './lib/prepare-db.js';
import { takeSample } from './lib/sample.js';
import { startProcess, startQingdan, type ServerProcess } from './lib/server-process.js';
import { measureLatency, measureMix, type LatencyResult, type Req } from './lib/latency.js';
import { goals, machine, writeResults, type BenchResults } from './lib/report.js';
import { reportBodies, runIntake } from './scenarios/intake.js';
import { collectCursorPages, getJson, itemPageRequests, listRequests, searchRequests } from './scenarios/reads.js';
import { updateSummary } from './summary.js';
import { mapRatios, mapRequests } from './scenarios/map.js';
import { cityDayMix } from './scenarios/city-day.js';

/**
 * `npm run bench`: seeds (or reuses) a database of --items items, starts the real server as its
 * own process, runs the scenarios against it over HTTP, and writes bench/results/<db>-<items>.md
 * and .json. See bench/README.md.
 */
const args = parseArgs(process.argv.slice(2));
const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);
const wanted = (name: string) => !args.only || args.only.includes(name);

async function databaseVersion(url: string | null): Promise<string> {
  if (!url) {
    const row = new SqliteDatabase(':memory:').prepare('select sqlite_version() as v').get() as { v: string };
    return `SQLite ${row.v} (WAL)`;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return String((await c.query('select version() as v')).rows[0].v).split(' on ')[0];
  } finally {
    await c.end();
  }
}

// The commit the server runs, taken before it starts (others may commit during a long run).
const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
const prepared = await prepareDatabase(args, say);
const sample = await takeSample(prepared);
say(`database ready: ${sample.items.toLocaleString('en')} items, ${sample.events.toLocaleString('en')} events`);
const servers: ServerProcess[] = [];
try {
  // Scheduled jobs (hourly warning recomputation …) are off: the run measures requests, and the
  // bulk seeding already ran the warnings job once. Rate limits are lifted for the load generator.
  const server = await startQingdan(
    {
      ...prepared.env,
      QINGDAN_PUBLIC_SUBMIT_PER_MINUTE: '1000000',
      QINGDAN_LOGIN_PER_MINUTE: '1000000',
      QINGDAN_JOBS: '0',
    },
    600_000,
    args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : [],
  );
  servers.push(server);
  say(`server ${server.url} (pid ${server.pid})`);
  const latency: BenchResults['latency'] = {};
  const measure = async (name: string, next: () => Req | Req[]) => {
    say(`${name} …`);
    latency[name] = await measureLatency({
      url: server.url,
      seconds: args.duration,
      concurrency: args.concurrency,
      next,
    });
    say(`${name}: ${JSON.stringify(latency[name])}`);
  };

  if (wanted('list')) {
    for (const staff of [false, true]) {
      const first = listRequests(sample, staff);
      const deeper = await collectCursorPages(server.url, first, 60, 5);
      // Half first pages of new filter combinations, half later pages reached by keyset cursors.
      await measure(staff ? 'list (staff)' : 'list (public)', () =>
        sample.rnd() < 0.5 || !deeper.length ? first() : deeper[Math.floor(sample.rnd() * deeper.length)],
      );
    }
  }
  if (wanted('stats')) {
    const probe = (await getJson(server.url, { path: '/api/v1/stats/summary' }).catch(() => ({ status: 0 }))) as {
      status: number;
    };
    if (probe.status === 200) await measure('statistics', () => ({ path: '/api/v1/stats/summary' }));
    else
      latency.statistics = {
        unavailable: `GET /api/v1/stats/summary answered ${probe.status}: the statistics feature is not in this build`,
      };
  }
  if (wanted('search')) await measure('search', searchRequests(sample));
  if (wanted('item')) await measure('item page', itemPageRequests(sample));
  let map: BenchResults['map'];
  if (wanted('map')) {
    const m = mapRequests(sample);
    await measure('map baseline (list page)', m.baseline);
    await measure('map clusters (city)', m.city);
    await measure('map clusters (zoomed)', m.zoomed);
    const got = (name: string) => latency[name] as LatencyResult;
    map = mapRatios(got('map baseline (list page)'), {
      city: got('map clusters (city)'),
      zoomed: got('map clusters (zoomed)'),
    });
    say(`map clusters vs list page: ${JSON.stringify(map)}`);
  }

  let day: BenchResults['day'];
  if (wanted('day')) {
    say("a city's day (95 % reads, 5 % writes) …");
    day = await measureMix({
      url: server.url,
      seconds: args.duration,
      concurrency: args.concurrency,
      mix: cityDayMix(sample),
      rnd: sample.rnd,
    });
    say(`a city's day: ${JSON.stringify(day)}`);
  }

  let intake: BenchResults['intake'];
  if (wanted('intake')) {
    const bodies = reportBodies(sample);
    const baselineServer = await startProcess('bench/baseline-server.ts', [], { PORT: '0' });
    servers.push(baselineServer);
    say('intake: bare Fastify baseline …');
    const baseline = await runIntake(baselineServer.url, bodies, args.duration);
    await baselineServer.stop();
    say(`baseline: ${JSON.stringify(baseline)}`);
    say('intake: Qingdan …');
    const qingdan = await runIntake(server.url, bodies, args.duration);
    say(`qingdan: ${JSON.stringify(qingdan)}`);
    // Two significant figures: a ratio of 0.0002 must not print as 0.
    intake = {
      baseline,
      qingdan,
      ratio: Number((qingdan.requestsPerSecond / baseline.requestsPerSecond).toPrecision(2)),
    };
  }

  const peakRssMb = server.peakRssMb();
  const partial = { intake, latency, day, peakRssMb };
  const results: BenchResults = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    commit,
    machine: machine(),
    database: { dialect: args.db, version: await databaseVersion(prepared.databaseUrl) },
    items: sample.items,
    events: sample.events,
    seeding: prepared.seeding,
    durationSeconds: args.duration,
    concurrency: args.concurrency,
    ...partial,
    map,
    goals: goals(partial),
  };
  // A partial run (--only) is kept beside the full one, not over it.
  const files = writeResults(args.out, results, args.only ? args.only.join('+') : null);
  if (args.out === 'bench/results') updateSummary();
  say(`results: ${files.md} and ${files.json}`);
  for (const g of results.goals)
    say(
      `${g.scenario} ${g.measure}: ${g.value ?? '—'} ${g.unit} (goal ${g.goal}) ` +
        (g.met === null ? 'n/a' : g.met ? 'met' : 'MISSED'),
    );
} finally {
  for (const s of servers) await s.stop();
  await prepared.cleanup();
}
