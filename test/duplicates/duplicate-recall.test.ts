import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../src/dispatch/sample-corpus.js';
import { duplicatesFeature } from '../../src/duplicates/duplicates.feature.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loadHistory } from '../helpers/bulk-history.js';
import { dialects } from '../helpers/test-db.js';

const DIALECTS = await dialects();
/**
 * Old items whose rewritten copies must be found under a flood of newer, similar ones. The suite
 * uses a small list; DUP_LIST=10000 DUP_TARGETS=200 measures at the size.
 */
const TARGETS = Number(process.env.DUP_TARGETS ?? 20);
const LIST = Number(process.env.DUP_LIST ?? 1500);

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
    let found = 0;
    const times: number[] = [];
    for (let i = 0; i < TARGETS; i++) {
      const started = performance.now();
      const got = await dups.suggest(rewrite(texts[i]), { publicOnly: false });
      times.push(performance.now() - started);
      if (got.some((s) => s.code === `HIS-${String(i + 1).padStart(5, '0')}`)) found++;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(TARGETS - 1, Math.floor(q * TARGETS))].toFixed(1);
    console.info(
      `${dialect}: ${texts.length} items, recall@5 ${found}/${TARGETS}, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`,
    );
    expect(found / TARGETS).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});
