import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { CreateProblemInput, ProblemView } from './problem.schema.js';

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

/** A new item inside its creating transaction, after the insert (questions store answers here). */
export interface ProblemCreated {
  problemId: number;
  code: string;
  actor: Actor;
  input: CreateProblemInput;
}

// Merges with the interface above: optional so existing hook objects stay valid.
export interface ProblemHooks {
  /** Runs before the creating transaction commits; throwing refuses the item and stores nothing. */
  onCreate?: Array<(trx: Db, created: ProblemCreated) => Promise<void>>;
  /** Adds a feature's fields to presented items (e.g. `answers`), once per page of items. */
  decorate?: Array<(db: Db, views: ProblemView[], problemIds: number[]) => Promise<void>>;
}

export async function runOnCreate(hooks: ProblemHooks, trx: Db, created: ProblemCreated): Promise<void> {
  for (const hook of hooks.onCreate ?? []) await hook(trx, created);
}

export async function runDecorate(
  hooks: ProblemHooks,
  db: Db,
  views: ProblemView[],
  problemIds: number[],
): Promise<void> {
  for (const hook of hooks.decorate ?? []) await hook(db, views, problemIds);
}
