import type { Db } from '../db/database.js';

/**
 * Extension points other features plug into (search index, warnings, notifications). Each runs
 * inside the writing transaction, so what they store commits or rolls back with the change.
 */
export interface ProblemWrite {
  problemId: number;
  code: string;
  action: string;
  eventId: number;
  fromState: string | null;
  toState: string | null;
  payload: Record<string, unknown>;
  actorId: number | null;
}

export interface ProblemHooks {
  afterWrite: Array<(trx: Db, write: ProblemWrite) => Promise<void>>;
}

export const emptyHooks = (): ProblemHooks => ({ afterWrite: [] });

export async function runAfterWrite(hooks: ProblemHooks, trx: Db, write: ProblemWrite): Promise<void> {
  for (const hook of hooks.afterWrite) await hook(trx, write);
}
