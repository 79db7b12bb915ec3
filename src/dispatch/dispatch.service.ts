/**
 * Training from the city's own history and suggesting from it. Models live in `dispatch_models`
 * so the job, `qingdan dispatch train` and every server share one; each instance keeps the parsed
 * model in memory and reloads it when another instance trained a newer one.
 */
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import { evaluate } from './evaluate.js';
import { LinearModel, type Example } from './linear-model.js';
import {
  loadModels,
  modelStamps,
  saveModel,
  triagedItems,
  type DispatchModelTable,
  type DispatchTarget,
} from './dispatch.repository.js';

/** The newest items are the city's current practice; older ones only slow training down. */
const MAX_TRAINING_ITEMS = 20_000;
/** Below this the held-out fifth is too small to say anything. */
const MIN_TO_EVALUATE = 50;

export interface TrainResult {
  target: DispatchTarget;
  items: number;
  labels: number;
  top1: number | null;
  top3: number | null;
  trainMs: number;
}

export interface Suggestion {
  id: number;
  score: number;
}

/**
 * A model learned from fewer items suggests worse than the categories' keywords (a demo city of
 * 50 items routed 路灯不亮 to 异味扰民), so below this it is stored but not used.
 * QINGDAN_DISPATCH_MIN_ITEMS overrides it (tests, small pilots).
 */
function minItemsToSuggest(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.QINGDAN_DISPATCH_MIN_ITEMS ?? 200);
  return Number.isInteger(n) && n >= 0 ? n : 200;
}

const textOf = (r: { title: string; description: string }) => `${r.title}\n${r.description}`;

export function dispatchService(db: Db, clock: Clock) {
  const models = new Map<DispatchTarget, { model: LinearModel; trainedAt: string; items: number }>();
  const minItems = minItemsToSuggest();

  async function trainOne(target: DispatchTarget, examples: Example[]): Promise<TrainResult | null> {
    if (new Set(examples.map((e) => e.label)).size < 2) return null;
    let top1: number | null = null;
    let top3: number | null = null;
    if (examples.length >= MIN_TO_EVALUATE) {
      const test = examples.filter((_, i) => i % 5 === 0);
      const r = evaluate(
        examples.filter((_, i) => i % 5 !== 0),
        test,
      );
      top1 = r.top1;
      top3 = r.top3;
    }
    const started = Date.now();
    const model = LinearModel.train(examples);
    const trainMs = Date.now() - started;
    const row: DispatchModelTable = {
      target,
      model: JSON.stringify(model.toJSON()),
      items: examples.length,
      top1,
      top3,
      train_ms: trainMs,
      trained_at: clock().toISOString(),
    };
    await saveModel(db, row);
    models.set(target, { model, trainedAt: row.trained_at, items: row.items });
    return { target, items: examples.length, labels: model.labels.length, top1, top3, trainMs };
  }

  return {
    /** Retrains both models from the triaged history; a target with fewer than two labels is skipped. */
    async train(): Promise<TrainResult[]> {
      const rows = await triagedItems(db, MAX_TRAINING_ITEMS);
      const examples = (key: 'category_id' | 'lead_department_id') =>
        rows.flatMap((r) => (r[key] === null ? [] : [{ label: String(r[key]), text: textOf(r) }]));
      const out: TrainResult[] = [];
      for (const [target, key] of [
        ['category', 'category_id'],
        ['department', 'lead_department_id'],
      ] as const) {
        const r = await trainOne(target, examples(key));
        if (r) out.push(r);
      }
      return out;
    },

    /** Loads the stored models that are newer than the ones in memory. */
    async reload(): Promise<void> {
      const stamps = await modelStamps(db);
      if (stamps.every((s) => models.get(s.target as DispatchTarget)?.trainedAt === s.trained_at)) return;
      for (const row of await loadModels(db)) {
        const t = row.target as DispatchTarget;
        if (models.get(t)?.trainedAt === row.trained_at) continue;
        const model = LinearModel.fromJSON(JSON.parse(row.model));
        models.set(t, { model, trainedAt: row.trained_at, items: row.items });
      }
    },

    /** The `limit` likeliest categories and lead units, best first; empty without a model of enough items. */
    suggest(text: string, limit = 3): Record<DispatchTarget, Suggestion[]> {
      const usable = (t: DispatchTarget) => {
        const m = models.get(t);
        return m && m.items >= minItems ? m.model : null;
      };
      const rank = (t: DispatchTarget) =>
        (usable(t)?.rank(text) ?? [])
          .slice(0, limit)
          .map((r) => ({ id: Number(r.label), score: Math.round(r.score * 1000) / 1000 }));
      return { category: rank('category'), department: rank('department') };
    },

    trainedAt(target: DispatchTarget): string | null {
      return models.get(target)?.trainedAt ?? null;
    },
  };
}

export type DispatchService = ReturnType<typeof dispatchService>;
