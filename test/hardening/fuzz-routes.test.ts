import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, reportProblem, type TestApp } from '../helpers/test-app.js';
import { anyValue, baseBodies, headerValue, mutate, nastyString, pathValue, rawBody } from './fuzz-arbitraries.js';
import { allRoutes, apiKey, enc, errorFormatProblem, fingerprint, type Route } from './fuzz-support.js';

/**
 * Property: whatever arrives at whichever route — malformed JSON, wrong types, missing and extra
 * fields, huge strings, deep nesting, unusual Unicode, injection payloads, bad codes, ids, keys
 * and tokens — the answer is never a 5xx, errors use the project's one format, and a rejected
 * request stores nothing. Fixed seed; `npm run soak` runs many more cases.
 */
const DIALECTS = await dialects();
const SOAK = process.env.SOAK === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (SOAK ? 4000 : 150));
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
// Replays one reported case: FUZZ_SEED and FUZZ_PATH as a failure prints them.
const PATH = process.env.FUZZ_PATH;
// A long soak appends "<dialect> <cases done> <ISO time>" to this file every 1,000 cases.
const PROGRESS = process.env.FUZZ_PROGRESS;

// fast-check's own report prints the whole counterexample, which can be megabytes of '长'.
function briefReport<T>(out: fc.RunDetails<T>): void {
  if (!out.failed) return;
  const message = String((out.errorInstance as Error | undefined)?.message ?? out.errorInstance).slice(0, 3000);
  throw new Error(
    `property failed after ${out.numRuns} runs (seed ${out.seed}, path "${out.counterexamplePath}"): ${message}`,
  );
}

describe.each(DIALECTS)('fuzzing every route (%s)', (dialect) => {
  let t: TestApp;
  let routes: Route[];
  const keys: Record<string, string> = {};
  const codes: string[] = [];
  let token = '';

  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1_000_000, loginPerMinute: 1_000_000 });
    routes = await allRoutes(t.app);
    keys.admin = await apiKey(t.tdb.db, 'admin');
    keys.department = await apiKey(t.tdb.db, 'department', t.ids.departments.urban);
    const a = await reportProblem(t);
    token = a.token;
    const b = await reportProblem(t);
    await act(t, 'shouli', b.code, 'assign', { leadDepartmentId: t.ids.departments.urban });
    codes.push(a.code, b.code);
  });
  afterAll(async () => {
    await t.close();
  });

  it(
    `never answers 5xx, always in the error format, storing nothing when it refuses (${RUNS} runs, seed ${SEED})`,
    async () => {
      const bases = baseBodies({
        category: t.ids.categories['street-lights'],
        area: t.ids.areas['jz-ss'],
        dept: t.ids.departments.urban,
      });
      const param = fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(...codes, '1', '2', 'requests.json', 'services.xml', '2026', 'discovery.json'),
        },
        { weight: 2, arbitrary: pathValue },
      );
      const body = fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...Object.values(bases))
            .chain((b) => mutate(b))
            .map((v) => ({ json: v as unknown })),
        },
        { weight: 2, arbitrary: anyValue.map((v) => ({ json: v })) },
        { weight: 2, arbitrary: rawBody.map((raw) => ({ raw })) },
        { weight: 1, arbitrary: fc.constant({}) },
      );
      const request = fc.record({
        route: fc.constantFrom(...routes),
        params: fc.array(fc.tuple(param, fc.boolean()), { minLength: 3, maxLength: 3 }),
        query: fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'status',
              'q',
              'limit',
              'cursor',
              'token',
              'categoryId',
              'from',
              'sort',
              'format',
              'api_key',
            ),
            nastyString,
          ),
          fc.oneof(nastyString, fc.integer().map(String)),
          { maxKeys: 3 },
        ),
        auth: fc.constantFrom('anonymous', 'admin', 'department', 'bad-key', 'token', 'cookie-junk'),
        header: headerValue,
        body,
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/json; charset=utf-16',
          '',
        ),
      });

      let done = 0;
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let n = 0;
          const path = r.route.path.replace(/\{[^}]+\}/g, () => {
            const [value, raw] = r.params[n++ % 3];
            // Sometimes unencoded, so %00, ../ and friends reach the router as sent.
            return raw && /^[\x21-\x7e]+$/.test(value) && !/[?#/]/.test(value) ? value : enc(value);
          });
          const qs = Object.entries(r.query)
            .map(([k, v]) => `${enc(k)}=${enc(v)}`)
            .join('&');
          const headers: Record<string, string> = {};
          if (r.auth === 'admin' || r.auth === 'department') headers['x-api-key'] = keys[r.auth];
          if (r.auth === 'bad-key') headers['x-api-key'] = r.header || 'qdk_nothing';
          if (r.auth === 'token') headers['x-tracking-token'] = r.header || token;
          if (r.auth === 'cookie-junk') headers.cookie = `qd_session=${r.header}`;
          const hasBody = r.route.method !== 'GET' || r.contentType === 'application/json';
          let payload: string | undefined;
          if (hasBody && 'json' in r.body) payload = JSON.stringify(r.body.json) ?? 'null';
          if (hasBody && 'raw' in r.body) payload = r.body.raw;
          if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
          const before = await fingerprint(t.tdb.db);
          const short = (x: string) => (x.length > 300 ? `${x.slice(0, 300)}…(${x.length} chars)` : x);
          const sent =
            `${r.route.method} ${short(path)}${qs ? `?${short(qs)}` : ''} ` +
            `(${r.auth}, ${headers['content-type'] ?? 'no body'}, body ${short(String(payload))})`;
          const res = await t.app
            .inject({ method: r.route.method as 'GET', url: qs ? `${path}?${qs}` : path, headers, payload })
            .catch((err: Error) => {
              throw new Error(`${sent} → no response: ${err.message}`);
            });
          const what = `${sent} → ${res.statusCode} ${short(res.body)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          if (res.statusCode >= 400) {
            if (path.startsWith('/api/'))
              expect(
                errorFormatProblem(res.statusCode, res.headers['content-type'] as string, res.body),
                what,
              ).toBeNull();
            const after = await fingerprint(t.tdb.db);
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            expect(
              changed.map((k) => `${k} ${before[k]} → ${after[k]}`),
              what,
            ).toEqual([]);
          }
          t.kernel.rateLimiter.reset();
          if (PROGRESS && ++done % 1000 === 0)
            fs.appendFileSync(PROGRESS, `${dialect} ${done} ${new Date().toISOString()}\n`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, reporter: briefReport, ...(PATH ? { path: PATH } : {}) },
      );
    },
    // A soak of many runs may take hours: allow ~0.3 s a case, never under an hour.
    SOAK ? Math.max(3_600_000, RUNS * 300) : 240_000,
  );
});
