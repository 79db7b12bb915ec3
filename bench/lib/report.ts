import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LatencyResult } from './latency.js';
import type { IntakeResult } from '../scenarios/intake.js';
import type { Seeding } from './prepare-db.js';
import { CITY_DAY_GOALS } from '../scenarios/city-day.js';

export interface Goal {
  scenario: string;
  measure: string;
  goal: string;
  value: number | null;
  unit: string;
  met: boolean | null;
}

export interface BenchResults {
  command: string;
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  database: { dialect: string; version: string };
  items: number;
  events: number;
  seeding: Seeding;
  durationSeconds: number;
  concurrency: number;
  intake?: { baseline: IntakeResult; qingdan: IntakeResult; ratio: number };
  latency: Record<string, LatencyResult | { unavailable: string }>;
  /** The city's day: reads measured per kind while writes go on (bench/scenarios/city-day.ts). */
  day?: Record<string, LatencyResult>;
  /** Cluster query latency as a multiple of the list page's, per view (the map scenario). */
  map?: Record<string, { p50: number; p99: number }>;
  peakRssMb: number | null;
  goals: Goal[];
}

export function machine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** The issue's goals, checked against this run's figures. Goals, not assertions: misses are reported, not failed. */
export function goals(r: Pick<BenchResults, 'intake' | 'latency' | 'day' | 'peakRssMb'>): Goal[] {
  const lat = (name: string, q: 'p95' | 'p99') => {
    const x = r.latency[name];
    return x && 'p50' in x && x.samples > 0 ? x[q] : null;
  };
  const g = (
    scenario: string,
    measure: string,
    goal: string,
    value: number | null,
    unit: string,
    ok: (v: number) => boolean,
  ): Goal => ({ scenario, measure, goal, value, unit, met: value === null ? null : ok(value) });
  return [
    g('intake', 'requests/s vs bare Fastify', '≥ 0.5', r.intake ? r.intake.ratio : null, '×', (v) => v >= 0.5),
    g('list (public)', 'p99', '< 20 ms', lat('list (public)', 'p99'), 'ms', (v) => v < 20),
    g('list (staff)', 'p99', '< 20 ms', lat('list (staff)', 'p99'), 'ms', (v) => v < 20),
    g('statistics', 'p99', '< 50 ms', lat('statistics', 'p99'), 'ms', (v) => v < 50),
    g('search', 'p95', '< 50 ms', lat('search', 'p95'), 'ms', (v) => v < 50),
    g('item page', 'p99', '< 10 ms', lat('item page', 'p99'), 'ms', (v) => v < 10),
    g('server memory', 'peak RSS', '< 300 MB', r.peakRssMb, 'MB', (v) => v < 300),
    ...Object.entries(CITY_DAY_GOALS).map(([label, ms]) => {
      const x = r.day?.[label];
      const v = x && x.samples > 0 ? x.p99 : null;
      return g(`day: ${label}`, 'p99 under writes', `< ${ms} ms`, v, 'ms', (n) => n < ms);
    }),
  ];
}

const mark = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');

export function markdown(r: BenchResults): string {
  const lines = [
    `# Qingdan benchmark — ${r.database.dialect}, ${r.items.toLocaleString('en')} items`,
    '',
    `- command: \`${r.command}\``,
    `- date: ${r.date} · commit ${r.commit}`,
    `- machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ` +
      `${r.machine.os}, Node ${r.machine.node}`,
    `- database: ${r.database.version}`,
    `- data: ${r.items.toLocaleString('en')} items, ${r.events.toLocaleString('en')} events; \`seed --bulk\` ` +
      (r.seeding.bulkSeconds
        ? `inserted them in ${r.seeding.bulkSeconds.toFixed(0)} s ` +
          `(${r.seeding.bulkItemsPerSecond!.toLocaleString('en')} items/s), `
        : '') +
      `${r.seeding.seconds.toFixed(0)} s with the search reindex and warnings job` +
      (r.seeding.cached ? ' (database cached from an earlier run)' : ''),
    `- ${r.durationSeconds} s per scenario after 1 s warm-up; latency scenarios with ${r.concurrency} ` +
      'concurrent clients; intake with 32 (autocannon)',
    '',
    '## Goals',
    '',
    '| scenario | measure | goal | result | |',
    '|---|---|---|---|---|',
    ...r.goals.map(
      (g) =>
        `| ${g.scenario} | ${g.measure} | ${g.goal} | ` +
        `${g.value === null ? '—' : `${g.value} ${g.unit}`} | ${mark(g.met)} |`,
    ),
    '',
    '## Intake (POST /api/v1/problems)',
    '',
  ];
  if (r.intake) {
    lines.push('| server | requests/s | p50 ms | p99 ms | non-2xx | errors |', '|---|---|---|---|---|---|');
    for (const [name, x] of [
      ['bare Fastify, same schema', r.intake.baseline],
      ['Qingdan', r.intake.qingdan],
    ] as const) {
      lines.push(`| ${name} | ${x.requestsPerSecond} | ${x.p50} | ${x.p99} | ${x.non2xx} | ${x.errors} |`);
    }
    lines.push('', `Ratio Qingdan / baseline: **${r.intake.ratio}**`);
  } else lines.push('not run');
  lines.push(
    '',
    '## Reads',
    '',
    '| scenario | samples | p50 ms | p95 ms | p99 ms | max ms | per s | statuses |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const [name, x] of Object.entries(r.latency)) {
    if ('unavailable' in x) lines.push(`| ${name} | — | — | — | — | — | — | ${x.unavailable} |`);
    else
      lines.push(
        `| ${name} | ${x.samples} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.max} | ${x.perSecond} | ${Object.entries(
          x.statuses,
        )
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')} |`,
      );
  }
  if (r.day) {
    lines.push(
      '',
      "## A city's day (95 % reads, 5 % writes, at once)",
      '',
      '| request | samples | p50 ms | p95 ms | p99 ms | max ms | per s | statuses |',
      '|---|---|---|---|---|---|---|---|',
      ...Object.entries(r.day).map(
        ([name, x]) =>
          `| ${name} | ${x.samples} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.max} | ${x.perSecond} | ` +
          `${Object.entries(x.statuses)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')} |`,
      ),
    );
  }
  for (const [view, x] of Object.entries(r.map ?? {}))
    lines.push('', `Map clusters (${view}) / list page: **p50 ${x.p50} ×, p99 ${x.p99} ×**`);
  lines.push('', `Peak server memory (VmHWM over the whole run): **${r.peakRssMb ?? 'n/a'} MB**`, '');
  return lines.join('\n');
}

export function writeResults(dir: string, r: BenchResults, part: string | null = null): { md: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${r.database.dialect}-${r.items}${part ? `-${part}` : ''}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(r));
  return { md: `${base}.md`, json: `${base}.json` };
}
