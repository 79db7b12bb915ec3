import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { CreateProblemInput, ProblemView } from './problem.schema.js';
import type { ListFilter, Visibility } from './problem-list.repository.js';
import { weekdayPolicy, type DeadlinePolicy } from './deadline-policy.js';

/**
 * The problem list's extension points. Features declare what they add (`Feature.hooks`, each hook
 * by name); the kernel composes them in the order of `AFTER_WRITE` in `src/features.ts`. Every hook
 * runs inside the writing transaction, so what it stores commits or rolls back with the change.
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
  /** Set when the write is one of many in one transaction (a sheet import): see `afterBatch`. */
  batch?: WriteBatch;
}

/**
 * Many writes in one transaction. A hook may note an item in its own set instead of working per
 * write, and do the work once in `afterBatch`, which the batch's writer runs before committing.
 */
export class WriteBatch {
  private readonly sets = new Map<string, Set<number>>();
  ids(hook: string): Set<number> {
    let s = this.sets.get(hook);
    if (!s) {
      s = new Set();
      this.sets.set(hook, s);
    }
    return s;
  }
}

/** A new item inside its creating transaction, after the insert (questions store answers here). */
export interface ProblemCreated {
  problemId: number;
  code: string;
  actor: Actor;
  input: CreateProblemInput;
}

/** Full-text search of the list, provided by the search feature. */
export interface SearchProvider {
  /**
   * One window of ids matching `q`, best first, among items passing `filter` for `visibility`:
   * the newest matches (older than `before` when given), ranked. `more` when older matches remain.
   */
  window(
    db: Db,
    q: string,
    opts: { publicOnly: boolean; filter?: ListFilter; visibility?: Visibility; before?: number },
  ): Promise<{ ids: number[]; more: boolean }>;
  /** A condition on `problems.id` holding for every match of `q` (for sorted lists, totals, statistics). */
  match(db: Db, q: string): Promise<NonNullable<ListFilter['textMatch']>>;
  /** Adds search-only fields (the `highlight` of matched text) to an item listed for `q`. */
  decorate(item: ProblemView, q: string): void;
}

export type AfterWrite = (trx: Db, write: ProblemWrite) => Promise<void>;
export type AfterBatch = (trx: Db, batch: WriteBatch) => Promise<void>;
export type OnCreate = (trx: Db, created: ProblemCreated) => Promise<void>;
export type Decorate = (db: Db, views: ProblemView[], problemIds: number[]) => Promise<void>;

/** What one feature contributes; hook names are "<feature>.<what>". */
export interface ProblemHookSet {
  afterWrite?: Record<string, AfterWrite>;
  afterBatch?: Record<string, AfterBatch>;
  /** Runs before the creating transaction commits; throwing refuses the item and stores nothing. */
  onCreate?: Record<string, OnCreate>;
  /** Adds a feature's fields to presented items (e.g. `answers`), once per page of items. */
  decorate?: Record<string, Decorate>;
  /** How a deadline is defaulted on assignment (one feature at most). */
  deadlines?: DeadlinePolicy;
  /** Full-text search for the list's `q` (one feature at most). */
  search?: SearchProvider;
}

type Named<F> = { name: string; run: F };

/** The composed hooks, read by the problem services at call time. */
export interface ProblemHooks {
  afterWrite: Named<AfterWrite>[];
  afterBatch: Named<AfterBatch>[];
  onCreate: Named<OnCreate>[];
  decorate: Named<Decorate>[];
  deadlines: DeadlinePolicy;
  search: SearchProvider | null;
}

export const emptyHooks = (): ProblemHooks => ({
  afterWrite: [],
  afterBatch: [],
  onCreate: [],
  decorate: [],
  deadlines: weekdayPolicy,
  search: null,
});

export async function runAfterWrite(hooks: ProblemHooks, trx: Db, write: ProblemWrite): Promise<void> {
  for (const hook of hooks.afterWrite) await hook.run(trx, write);
}

export async function runAfterBatch(hooks: ProblemHooks, trx: Db, batch: WriteBatch): Promise<void> {
  for (const hook of hooks.afterBatch) await hook.run(trx, batch);
}

export async function runOnCreate(hooks: ProblemHooks, trx: Db, created: ProblemCreated): Promise<void> {
  for (const hook of hooks.onCreate) await hook.run(trx, created);
}

export async function runDecorate(hooks: ProblemHooks, db: Db, views: ProblemView[], ids: number[]): Promise<void> {
  for (const hook of hooks.decorate) await hook.run(db, views, ids);
}
