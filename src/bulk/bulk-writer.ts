import type { FinalBatch, NumberingStart } from './bulk-assign.js';

export type WriteResult = { ok: true } | { ok: false; actual: NumberingStart };

/** A dialect's way of storing numbered batches; each batch is one transaction. */
export interface BulkWriter {
  /** The numbering the next batch gets if nothing else writes meanwhile. */
  expectedStart(): Promise<NumberingStart>;
  /**
   * Stores the batch if the database still continues exactly where the batch starts (ids, chain
   * head, code counters); otherwise writes nothing and reports where it actually continues.
   */
  write(batch: FinalBatch): Promise<WriteResult>;
  /** After the last batch: refresh planner statistics, checkpoint. */
  finish(): Promise<void>;
  close(): Promise<void>;
}
