import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../src/dispatch/sample-corpus.js';
import { duplicatesFeature } from '../../src/duplicates/duplicates.feature.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loadHistory } from '../helpers/bulk-history.js';
import { dialects } from '../helpers/test-db.js';
import { unrelatedReports } from './unrelated-reports.js';

const DIALECTS = await dialects();
/**
 * Old items whose rewritten copies must be found under a flood of newer, similar ones, and reports
 * of problems the list does not hold, which must get no suggestion. The suite uses a small list;
 * DUP_LIST=15000 DUP_TARGETS=200 DUP_UNRELATED=200 measures at the size (10,000 items).
 */
const TARGETS = Number(process.env.DUP_TARGETS ?? 20);
const LIST = Number(process.env.DUP_LIST ?? 1500);
const UNRELATED = Number(process.env.DUP_UNRELATED ?? 30);

/** Character-bigram Jaccard of two texts, the measure of how alike a pair is. */
function jaccard(a: string, b: string): number {
  const grams = (t: string) => {
    const cs = Array.from(t.replace(/\s/g, ''));
    return new Set(cs.slice(1).map((c, i) => cs[i] + c));
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

function p95(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))].toFixed(1);
}

/** A copy as a second resident writes it: other greeting, sentences reordered, one left out. */
function rewrite(text: string): { title: string; description: string } {
  const [title, body] = text.split('\n');
  const sentences = body.split(/(?<=[。！？])/).filter(Boolean);
  const kept = sentences.length > 3 ? sentences.filter((_, i) => i !== 1) : sentences;
  return { title: `${title}（再次反映）`, description: `各位领导好，${[...kept].reverse().join('')}` };
}

describe.each(DIALECTS)('duplicates found by relevance, not recency (%s)', (dialect) => {
  let t: TestApp;
  const texts = sampleCorpus({ count: LIST, seed: 99, labelNoise: 0 }).train.map((e) => e.text);
  const now = '2026-11-01T00:00:00.000Z';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { id: source } = await t.tdb.db.selectFrom('sources').select('id').executeTakeFirstOrThrow();
    // A bulk load of history, as an import or `seed --bulk` writes it: rows, then one reindex.
    const rows = texts.map((text, i) => {
      const [title, description] = text.split('\n');
      return {
        code: `HIS-${String(i + 1).padStart(5, '0')}`,
        title: title.slice(0, 200),
        description,
        source_id: source,
        urgency: 'normal',
        is_public: 1,
        anonymous: 1,
        status: 'assigned',
        progress_percent: 0,
        redo_count: 0,
        report_count: 1,
        created_at: now,
        updated_at: now,
      };
    });
    await loadHistory(t, rows);
  }, 900_000);
  afterAll(async () => t?.close());

  it(`proposes the old original of ${TARGETS} rewritten copies among ${texts.length} items`, async () => {
    const dups = t.kernel.of(duplicatesFeature);
    let pairs = 0;
    let found = 0;
    let least = 1;
    const times: number[] = [];
    for (let i = 0; i < TARGETS; i++) {
      const copy = rewrite(texts[i]);
      const alike = jaccard(texts[i], `${copy.title}\n${copy.description}`);
      const started = performance.now();
      const got = await dups.suggest(copy, { publicOnly: false });
      times.push(performance.now() - started);
      // The goal counts pairs at least this alike; a looser rewrite is searched but not counted.
      if (alike < 0.6) continue;
      pairs++;
      least = Math.min(least, alike);
      if (got.some((s) => s.code === `HIS-${String(i + 1).padStart(5, '0')}`)) found++;
    }
    console.info(
      `${dialect}: ${texts.length} items, recall@5 ${found}/${pairs} (pairs with bigram Jaccard ≥ 0.6, ` +
        `least ${least.toFixed(2)}; ${TARGETS - pairs} looser not counted), p95 ${p95(times)} ms`,
    );
    expect(pairs).toBeGreaterThanOrEqual(TARGETS * 0.5);
    expect(found / pairs).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it(`suggests nothing for ${UNRELATED} reports of problems the list does not hold`, async () => {
    const dups = t.kernel.of(duplicatesFeature);
    let quiet = 0;
    let worst = 0;
    const times: number[] = [];
    for (const report of unrelatedReports(UNRELATED)) {
      const started = performance.now();
      const got = await dups.suggest(report, { publicOnly: false });
      times.push(performance.now() - started);
      if (!got.length) quiet++;
      worst = Math.max(worst, got[0]?.score ?? 0);
    }
    console.info(
      `${dialect}: ${texts.length} items, unrelated reports with no suggestion ${quiet}/${UNRELATED} ` +
        `(${((100 * quiet) / UNRELATED).toFixed(1)} %, best false score ${worst}), p95 ${p95(times)} ms`,
    );
    expect(quiet / UNRELATED).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});
