import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/test-db.js';
import { act, createTestApp, type TestApp } from '../helpers/test-app.js';
import { NASTY_STRINGS } from './fuzz-arbitraries.js';
import { fingerprint } from './fuzz-support.js';

/**
 * Property: text that is accepted comes back byte-for-byte — emoji, combining marks, right-to-left
 * marks, CJK extension characters, SQL and HTML — through the item, the staff view and the
 * timeline; text no database can keep as sent (NUL, unpaired surrogates) is refused with 400 and
 * nothing is stored.
 */
const DIALECTS = await dialects();
const SOAK = process.env.SOAK === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (SOAK ? 800 : 40));

// Finding 12: control characters (line breaks and tabs only in multi-line fields) and bidi
// overrides/isolates are refused too; multi-line fields are those allowed more than 300 characters.
const storable = (s: string, multiLine = true) =>
  !s.includes('\u0000') &&
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s) &&
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
  !/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(s) &&
  (multiLine || !/[\t\n\r]/.test(s));
const piece = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 200)),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('和平社区三号楼', '\u202b右到左\u202c', '🇨🇳', 'ﾃｽﾄ', '\r\n', '  '),
);
const text = (max: number) => fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('').slice(0, max));

describe.each(DIALECTS)('stored text round-trips exactly (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { publicSubmitPerMinute: 1_000_000 });
  });
  afterAll(async () => {
    await t.close();
  });

  it(
    `returns accepted text byte-for-byte and refuses what cannot be stored (${RUNS} runs)`,
    async () => {
      const input = fc.record({
        title: text(200),
        description: text(10_000),
        address: text(500),
        name: text(100),
        progress: text(5000),
      });
      await fc.assert(
        fc.asyncProperty(input, async (x) => {
          const before = await fingerprint(t.tdb.db);
          const body = { title: x.title, description: x.description, address: x.address, reporter: { name: x.name } };
          const res = await t.as(null, { method: 'POST', url: '/api/v1/problems', payload: body });
          const fields = [x.title, x.description, x.address, x.name];
          const oneLine = [x.title, x.name];
          // Lengths are counted in characters (code points), as the schema counts them.
          const chars = (s: string) => [...s].length;
          const valid =
            fields.every((f) => storable(f)) &&
            oneLine.every((f) => storable(f, false)) &&
            chars(x.title.trim()) >= 2 &&
            chars(x.description) >= 2;
          if (!valid) {
            expect(res.statusCode, res.body).toBe(400);
            expect(res.json().error.code).toBe('validation_failed');
            expect(await fingerprint(t.tdb.db)).toEqual(before);
            return;
          }
          expect(res.statusCode, res.body).toBe(201);
          const code = res.json().problem.code as string;
          const staff = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}` })).json().problem;
          expect(staff.title).toBe(x.title.trim()); // titles are trimmed by design; nothing else changes
          expect(staff.description).toBe(x.description);
          expect(staff.address).toBe(x.address);
          expect(staff.reporter.name).toBe(x.name === '' ? null : x.name);
          if (storable(x.progress) && x.progress.trim().length > 0) {
            await act(t, 'shouli', code, 'assign', { leadDepartmentId: t.ids.departments.urban });
            await act(t, 'chengguan', code, 'sign');
            const p = await act(t, 'chengguan', code, 'progress', { text: x.progress, percent: 10 });
            expect(p.statusCode, p.body).toBe(200);
          }
          const timeline = (await t.as('shouli', { method: 'GET', url: `/api/v1/problems/${code}/timeline` })).json()
            .items;
          expect(timeline[0].payload.title).toBe(x.title);
          const progress = timeline.find((e: { action: string }) => e.action === 'progress');
          if (progress) expect(progress.payload.text).toBe(x.progress);
        }),
        { seed: 20261129, numRuns: RUNS, endOnFailure: true },
      );
    },
    SOAK ? 1_800_000 : 120_000,
  );
});
