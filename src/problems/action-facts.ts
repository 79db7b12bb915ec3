/**
 * The facts an action's effect needs from the database, read inside the action's transaction
 * before the pure effect (action-effects.ts) decides what changes.
 */
import type { Db } from '../db/database.js';
import type { Action } from '../lifecycle/lifecycle.js';
import type { Facts, Input } from './action-effects.js';
import * as repo from './problem.repository.js';

/** A merge's target is a stored item here, with its id and code. */
export type LoadedFacts = Omit<Facts, 'target'> & { target?: repo.ProblemRow | null };

export async function loadFacts(
  trx: Db,
  action: Action,
  row: repo.ProblemRow,
  input: Input,
  base: Omit<Facts, 'target'>,
): Promise<LoadedFacts> {
  if (action === 'merge') return { ...base, target: (await repo.findProblemByCode(trx, input.targetCode)) ?? null };
  if (action !== 'assign') return base;
  const named: number[] = [input.leadDepartmentId, ...(input.coDepartmentIds ?? [])];
  const departments = await trx.selectFrom('departments').select(['id', 'name']).where('id', 'in', named).execute();
  const leader = input.ownerLeaderId
    ? await trx.selectFrom('users').select('role').where('id', '=', input.ownerLeaderId).executeTakeFirst()
    : undefined;
  // A re-categorised item's deadline follows its new category.
  const categoryIds = [row.category_id, input.categoryId].filter((c): c is number => typeof c === 'number');
  const categories = categoryIds.length
    ? await trx
        .selectFrom('categories')
        .select(['id', 'name', 'time_limit_tier'])
        .where('id', 'in', categoryIds)
        .execute()
    : [];
  const effective = input.categoryId === undefined ? row.category_id : input.categoryId;
  return {
    ...base,
    departments: new Map(departments.map((d) => [d.id, d.name])),
    leaderRole: leader?.role ?? null,
    tier: categories.find((c) => c.id === effective)?.time_limit_tier ?? null,
    categories: new Map(categories.map((c) => [c.id, c.name])),
  };
}
