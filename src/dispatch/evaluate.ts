/**
 * Held-out accuracy and speed of the dispatch model: top-1 and top-3 accuracy on a test set, the
 * training time and the time of one suggestion (median and p95 over the test set).
 */
import { performance } from 'node:perf_hooks';
import { LinearModel, type Example, type TrainOptions } from './linear-model.js';

export interface Evaluation {
  trainItems: number;
  testItems: number;
  labels: number;
  top1: number;
  top3: number;
  trainMs: number;
  suggestMedianMs: number;
  suggestP95Ms: number;
  /** Test items whose label the training set never had (they can only be wrong). */
  unseenLabels: number;
}

export function evaluate(train: readonly Example[], test: readonly Example[], opts?: TrainOptions): Evaluation {
  const t0 = performance.now();
  const model = LinearModel.train(train, opts);
  const trainMs = performance.now() - t0;
  const known = new Set(model.labels);
  let top1 = 0;
  let top3 = 0;
  const times: number[] = [];
  for (const e of test) {
    const s = performance.now();
    const ranked = model.rank(e.text);
    times.push(performance.now() - s);
    const at = ranked.findIndex((r) => r.label === e.label);
    if (at === 0) top1++;
    if (at >= 0 && at < 3) top3++;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return {
    trainItems: train.length,
    testItems: test.length,
    labels: known.size,
    top1: test.length ? top1 / test.length : 0,
    top3: test.length ? top3 / test.length : 0,
    trainMs,
    suggestMedianMs: q(0.5),
    suggestP95Ms: q(0.95),
    unseenLabels: test.filter((e) => !known.has(e.label)).length,
  };
}
