import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import { ERROR_CODES } from '../../src/errors.js';
import { digest, randomToken } from '../../src/auth/secrets.js';

export interface Route {
  method: string;
  path: string;
}

/** Every documented route (features that land later are fuzzed too), plus a few undocumented ones. */
export async function allRoutes(app: FastifyInstance): Promise<Route[]> {
  await app.ready();
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) routes.push({ method: method.toUpperCase(), path });
  }
  routes.push(
    { method: 'GET', path: '/api/health' },
    { method: 'GET', path: '/api/v1/{file}' },
    { method: 'POST', path: '/api/v1/problems/{code}/actions/{file}' },
  );
  return routes;
}

/** Percent-encodes UTF-8 bytes; unlike encodeURIComponent it never throws (lone surrogates become U+FFFD). */
export function enc(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Row counts of every table: a rejected request must leave all of them as they were. The search
 * queue and index are left out: the indexer folds earlier accepted writes into them in the
 * background, at any moment (src/search/search-indexer.ts).
 */
// Request counters (`rate_limits`) move on every counted request, a refused sign-in is counted in
// `login_backoff` on purpose (issue #16 finding 7), and the device-cookie signing key (`server_keys`)
// is made the first time any request needs it: none of them is stored data.
const BOOKKEEPING = new Set(['search_queue', 'rate_limits', 'login_backoff', 'server_keys']);

// Migrations run before a test app is built, so a database's tables are listed once (introspection
// on PostgreSQL reads every column of every table: it was most of a fuzz case's time).
const tableLists = new WeakMap<Db, Promise<string[]>>();

function countedTables(db: Db): Promise<string[]> {
  let list = tableLists.get(db);
  if (!list) {
    list = db.introspection.getTables().then((ts) =>
      ts
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_') && !BOOKKEEPING.has(n) && !n.startsWith('problem_search'))
        .sort(),
    );
    tableLists.set(db, list);
  }
  return list;
}

export async function fingerprint(db: Db): Promise<Record<string, number>> {
  const tables = await countedTables(db);
  // One statement for all tables: a fuzz case takes two fingerprints.
  const [first, ...rest] = tables.map((t) =>
    db.selectFrom(t as 'problems').select((eb) => [eb.val(t).as('t'), eb.fn.countAll<number>().as('n')]),
  );
  const rows = await rest.reduce((q, next) => q.unionAll(next), first).execute();
  const out: Record<string, number> = {};
  for (const r of rows as unknown as { t: string; n: number | string }[]) out[r.t] = Number(r.n);
  return out;
}

/** The project's one error body: {error: {code, message, details?}} with a registered code. */
export function errorFormatProblem(status: number, contentType: string | undefined, body: string): string | null {
  if (!/application\/json/.test(contentType ?? '')) return `content-type ${contentType}`;
  let json: any;
  try {
    json = JSON.parse(body);
  } catch {
    return 'body is not JSON';
  }
  if (!json || typeof json.error !== 'object') return 'no "error" object';
  if (!Object.hasOwn(ERROR_CODES, json.error.code)) return `unregistered code "${json.error.code}"`;
  if (typeof json.error.message !== 'string') return 'no message';
  if ((ERROR_CODES as Record<string, number>)[json.error.code] !== status && status !== 404 && status !== 405)
    return `code ${json.error.code} with status ${status}`;
  return null;
}

/** An API key stored directly, as `qingdan` would create it. */
export async function apiKey(db: Db, role: string, departmentId: number | null = null): Promise<string> {
  const key = randomToken('qdk_');
  await db
    .insertInto('api_keys')
    .values({
      name: `fuzz-${role}`,
      prefix: key.slice(0, 10),
      key_hash: digest(key),
      role,
      department_id: departmentId,
      created_by: null,
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return key;
}
