import http from 'node:http';

export interface Req {
  path: string;
  headers?: Record<string, string>;
  /** GET unless given; a body is sent as JSON. */
  method?: 'GET' | 'POST';
  body?: string;
}

/** One kind of request in a mixed workload: drawn with probability weight / Σ weights. */
export interface MixEntry {
  label: string;
  weight: number;
  next: () => Req | Req[];
  /** Sees each answer's status and body (a submission's code, for a later action on it). */
  onAnswer?: (status: number, body: string) => void;
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

function send(agent: http.Agent, base: URL, req: Req, keepBody: boolean): Promise<[number, string]> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-type': 'application/json' } : {}) };
    const r = http.request(
      { host: base.hostname, port: base.port, path: req.path, method: req.method ?? 'GET', agent, headers },
      (res) => {
        let data = '';
        if (keepBody) res.setEncoding('utf8').on('data', (c: string) => (data += c));
        else res.resume();
        res.on('end', () => resolve([res.statusCode ?? 0, data]));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

function summarise(times: number[], errors: number, statuses: Record<string, number>, elapsed: number) {
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

/**
 * Closed-loop clients: each of `concurrency` clients draws a kind of request from the mix, sends
 * it, waits for it, draws the next. A sample is one request, or several sent together (an item
 * page loads the item and its timeline at once) and timed until the last answer. The first second
 * warms caches and the JIT and is not counted. Results per label.
 */
export async function measureMix(opts: {
  url: string;
  seconds: number;
  concurrency: number;
  mix: MixEntry[];
  rnd?: () => number;
  warmupSeconds?: number;
}): Promise<Record<string, LatencyResult>> {
  const base = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency * 4 });
  const rnd = opts.rnd ?? Math.random;
  const total = opts.mix.reduce((s, m) => s + m.weight, 0);
  const by = new Map(
    opts.mix.map((m) => [m, { times: [] as number[], errors: 0, statuses: {} as Record<string, number> }]),
  );
  const draw = () => {
    let x = rnd() * total;
    for (const m of opts.mix) {
      x -= m.weight;
      if (x < 0) return m;
    }
    return opts.mix[opts.mix.length - 1];
  };
  const warmupEnd = Date.now() + (opts.warmupSeconds ?? 1) * 1000;
  const end = warmupEnd + opts.seconds * 1000;
  async function client() {
    while (Date.now() < end) {
      const entry = draw();
      const got = by.get(entry)!;
      const reqs = ([] as Req[]).concat(entry.next());
      const t0 = process.hrtime.bigint();
      let answers: [number, string][];
      try {
        answers = await Promise.all(reqs.map((r) => send(agent, base, r, !!entry.onAnswer)));
      } catch {
        got.errors++;
        continue;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      for (const [status, body] of answers) entry.onAnswer?.(status, body);
      if (Date.now() < warmupEnd) continue;
      for (const [c] of answers) got.statuses[c] = (got.statuses[c] ?? 0) + 1;
      if (answers.some(([c]) => c >= 400)) got.errors++;
      got.times.push(ms);
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const elapsed = (Date.now() - warmupEnd) / 1000;
  agent.destroy();
  return Object.fromEntries(
    opts.mix.map((m) => {
      const got = by.get(m)!;
      return [m.label, summarise(got.times, got.errors, got.statuses, elapsed)];
    }),
  );
}

/** One kind of request, closed-loop (see measureMix). */
export async function measureLatency(opts: {
  url: string;
  seconds: number;
  concurrency: number;
  next: () => Req | Req[];
  warmupSeconds?: number;
}): Promise<LatencyResult> {
  const results = await measureMix({ ...opts, mix: [{ label: 'one', weight: 1, next: opts.next }] });
  return results.one;
}
