import crypto from 'node:crypto';
import { startModuleWorker } from '../shared/module-worker.js';
import { mulberry32 } from '../demo/demo-random.js';
import type { BulkRefs } from './bulk-refs.js';
import { planBatch, type PlannedBatch, type PlanWindow } from './bulk-plan.js';
import { finalizeBatch, type FinalBatch, type NumberingStart } from './bulk-assign.js';

export interface PlannerSetup {
  refs: BulkRefs;
  window: Omit<PlanWindow, 'offset'>;
  seed: number;
  batchSize: number;
  prefix: string;
  /** The audit key (base64) the item chain's keyed links use; a worker thread has no other way to it. */
  auditKey: string | null;
  /** The numbering the first batch expects. */
  start: NumberingStart;
}

/** Produces numbered batches in order; renumbers one when the database moved on meanwhile. */
export interface Planner {
  next(index: number): Promise<FinalBatch>;
  renumber(index: number, start: NumberingStart): Promise<FinalBatch>;
  close(): Promise<void>;
}

/** The planning state machine, shared by the in-thread planner and the worker. */
export function planningCore(s: PlannerSetup) {
  const rnd = mulberry32(s.seed);
  const planned = new Map<number, PlannedBatch>();
  let expected = s.start;
  const key = s.auditKey === null ? null : Buffer.from(s.auditKey, 'base64');
  const finalize = (index: number, start: NumberingStart) => {
    const fin = finalizeBatch(planned.get(index)!, start, s.prefix, key);
    expected = fin.end;
    return fin;
  };
  return {
    next(index: number): FinalBatch {
      const offset = index * s.batchSize;
      const n = Math.min(s.batchSize, s.window.total - offset);
      const tokens = crypto.randomBytes(32 * n);
      // Batches are planned strictly in order: the random stream makes the same city every time.
      planned.set(
        index,
        planBatch(s.refs, rnd, n, { ...s.window, offset }, (i) => tokens.toString('hex', i * 32, i * 32 + 32)),
      );
      planned.delete(index - 3);
      return finalize(index, expected);
    },
    renumber: (index: number, start: NumberingStart) => finalize(index, start),
  };
}

export function inlinePlanner(s: PlannerSetup): Planner {
  const core = planningCore(s);
  return {
    next: async (i) => core.next(i),
    renumber: async (i, st) => core.renumber(i, st),
    close: async () => undefined,
  };
}

/**
 * Planning, text and hashing take as long as the inserts; a worker thread does them on the
 * second core while the main thread writes.
 */
export function workerPlanner(s: PlannerSetup): Planner {
  const worker = startModuleWorker(import.meta.url, 'bulk-worker', { workerData: s });
  const waiting = new Map<number, { resolve: (b: FinalBatch) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  worker.on('message', (m: { index: number; batch: FinalBatch }) => {
    waiting.get(m.index)?.resolve(m.batch);
    waiting.delete(m.index);
  });
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`the bulk planning worker stopped (exit ${code})`));
  });
  const ask = (msg: { type: 'next' | 'renumber'; index: number; start?: NumberingStart }) =>
    new Promise<FinalBatch>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.set(msg.index, { resolve, reject });
      worker.postMessage(msg);
    });
  return {
    next: (index) => ask({ type: 'next', index }),
    renumber: (index, start) => ask({ type: 'renumber', index, start }),
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
