import type { Db } from '../../src/db/database.js';

/** What the server acknowledged with a 2xx before it died: only these are promised to survive. */
export interface Acknowledged {
  /** code → actions acknowledged on it, in order ('submit' first). */
  items: Map<string, string[]>;
  requests: number;
  failures: number;
  /** Every answer's status → how many; and each refusal's error code (fault tests check both). */
  statuses: Map<number, number>;
  errorCodes: Map<string, number>;
}

function record(ack: Acknowledged, res: { status: number; json: any }): void {
  ack.statuses.set(res.status, (ack.statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 300) {
    const code = typeof res.json?.error?.code === 'string' ? res.json.error.code : 'not-in-error-format';
    ack.errorCodes.set(code, (ack.errorCodes.get(code) ?? 0) + 1);
  }
}

// A whole lifecycle, performed with an administrator's API key; each loop stops at a random step.
const STEPS: Array<[action: string, body: (depts: Record<string, number>) => Record<string, unknown>]> = [
  ['assign', (d) => ({ leadDepartmentId: d.urban, coDepartmentIds: [d['urban-ss']] })],
  ['sign', () => ({})],
  ['progress', () => ({ text: '正在整改', percent: 40 })],
  ['note', () => ({ text: '内部备注' })],
  ['rectify', () => ({ evidence: '已整改到位' })],
  ['verify', () => ({ result: 'satisfied', method: 'callback' })],
  ['close', () => ({})],
];

async function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return { status: res.status, json: text ? JSON.parse(text) : null };
  } catch {
    return { status: res.status, json: text };
  }
}

/**
 * Concurrent clients submit items and walk them through their lifecycle until `stop()` says so
 * (the test kills the server then). Requests cut off by the kill are neither counted as
 * acknowledged nor treated as errors.
 */
export function driveTraffic(
  url: string,
  opts: { clients: number; adminKey: string; departments: Record<string, number>; rnd: () => number },
) {
  const ack: Acknowledged = { items: new Map(), requests: 0, failures: 0, statuses: new Map(), errorCodes: new Map() };
  let running = true;
  // Keys unique to this run: a key reused from an earlier round would (rightly) replay its old answer.
  const run = Math.floor(opts.rnd() * 1e9).toString(36);
  async function client(n: number) {
    while (running) {
      try {
        ack.requests++;
        const created = await post(
          url,
          '/api/v1/problems',
          {
            title: `崩溃测试 ${n} 号客户端`,
            description: '服务在写入过程中被强行终止，已确认的数据必须完整保留。',
            categoryId: null,
            reporter: { name: '测试', phone: '13800000000' },
          },
          n % 2 ? { 'idempotency-key': `crash-${run}-${n}-${ack.requests}` } : {},
        );
        record(ack, created);
        if (created.status !== 201) {
          ack.failures++;
          continue;
        }
        const code = created.json.problem.code as string;
        const done = ['submit'];
        ack.items.set(code, done);
        const length = Math.floor(opts.rnd() * (STEPS.length + 1));
        for (const [action, body] of STEPS.slice(0, length)) {
          if (!running) break;
          ack.requests++;
          const r = await post(url, `/api/v1/problems/${code}/actions/${action}`, body(opts.departments), {
            'x-api-key': opts.adminKey,
          });
          record(ack, r);
          if (r.status !== 200) {
            ack.failures++;
            break;
          }
          done.push(action);
        }
      } catch {
        // Connection refused or reset: the server is gone; the outcome of this request is unknown.
        if (!running) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }
  const loops = Array.from({ length: opts.clients }, (_, n) => client(n));
  return {
    ack,
    async stop() {
      running = false;
      await Promise.allSettled(loops);
    },
  };
}

/** Problems whose stored status is not where their own events lead, or that lack their creation event. */
export async function inconsistentItems(db: Db): Promise<string[]> {
  const problems = await db.selectFrom('problems').select(['id', 'code', 'status']).execute();
  const events = await db.selectFrom('events').select(['problem_id', 'action', 'to_state']).orderBy('id').execute();
  const byProblem = new Map<number, typeof events>();
  for (const e of events) byProblem.set(e.problem_id, [...(byProblem.get(e.problem_id) ?? []), e]);
  const bad: string[] = [];
  for (const p of problems) {
    const evs = byProblem.get(p.id) ?? [];
    if (evs[0]?.action !== 'submit') {
      bad.push(`${p.code}: no creation event`);
      continue;
    }
    const last = evs.filter((e) => e.to_state !== null && e.action !== 'duplicate_merged').at(-1);
    if (last?.to_state !== p.status) bad.push(`${p.code}: status ${p.status} but its events end in ${last?.to_state}`);
  }
  return bad;
}
