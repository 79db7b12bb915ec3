import http from 'node:http';

export interface Req {
  path: string;
  headers?: Record<string, string>;
}

export interface LatencyResult {
  samples: number;
  errors: number;
  /** Status → count, so a scenario that only measured 404s is visible as such. */
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  perSecond: number;
}

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (x: number) => Math.round(x * 100) / 100;

function get(agent: http.Agent, base: URL, req: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.get({ host: base.hostname, port: base.port, path: req.path, agent, headers: req.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    r.on('error', reject);
  });
}

/**
 * Closed-loop clients: each of `concurrency` clients sends a sample, waits for it, sends the
 * next. A sample is one request, or several sent together (an item page loads the item and its
 * timeline at once) and timed until the last answer. The first second warms caches and the JIT
 * and is not counted.
 */
export async function measureLatency(opts: {
  url: string;
  seconds: number;
  concurrency: number;
  next: () => Req | Req[];
  warmupSeconds?: number;
}): Promise<LatencyResult> {
  const base = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency * 4 });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const warmupEnd = Date.now() + (opts.warmupSeconds ?? 1) * 1000;
  const end = warmupEnd + opts.seconds * 1000;
  async function client() {
    while (Date.now() < end) {
      const reqs = ([] as Req[]).concat(opts.next());
      const t0 = process.hrtime.bigint();
      let codes: number[];
      try {
        codes = await Promise.all(reqs.map((r) => get(agent, base, r)));
      } catch {
        errors++;
        continue;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (Date.now() < warmupEnd) continue;
      for (const c of codes) statuses[c] = (statuses[c] ?? 0) + 1;
      if (codes.some((c) => c >= 400)) errors++;
      times.push(ms);
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const elapsed = (Date.now() - warmupEnd) / 1000;
  agent.destroy();
  const sorted = [...times].sort((a, b) => a - b);
  return {
    samples: times.length,
    errors,
    statuses,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(times.reduce((s, x) => s + x, 0) / (times.length || 1)),
    perSecond: round(times.length / Math.max(elapsed, 0.001)),
  };
}
