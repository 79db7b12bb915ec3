import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import type { ProblemWrite } from '../problems/problem-hooks.js';
import { delta, sameState } from './stats-keys.js';
import type { Scope } from './stats-keys.js';
import * as repo from './stats-counters.repository.js';

/**
 * Keeps an item's contribution to the counters in step with it: runs in the writing transaction
 * after every write (an afterWrite hook), takes back what the item added before and adds what it
 * adds now. Writes that change nothing counted (progress, notes) append nothing.
 */
export async function refreshItem(trx: Db, problemId: number): Promise<void> {
  const { before, after } = await repo.itemStates(trx, problemId);
  const changes = delta(before, after);
  if (after && !sameState(before, after)) await repo.saveItemState(trx, problemId, after);
  await repo.appendCounters(trx, changes);
}

export const refreshAfterWrite = (trx: Db, write: ProblemWrite) => refreshItem(trx, write.problemId);

/** Ledger rows allowed beyond one per key before a read folds them (a few ms of work). */
const COMPACT_SLACK = 2_000;

/** A scope's counters; folds the ledger first when writes have made it long. */
export async function readScope(db: Db, dialect: Dialect, scope: Scope): Promise<repo.CounterRow[]> {
  const r = await repo.readCounters(db, scope);
  if (r.ledgerRows > 2 * r.rows.length + COMPACT_SLACK) await repo.compact(db, dialect);
  return r.rows;
}
