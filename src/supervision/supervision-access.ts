import type { Actor } from '../auth/actor.js';
import { requireRole, STAFF_ROLES } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import type { Db } from '../db/database.js';
import type { Loaded } from '../problems/problem.service.js';
import { inScope } from '../problems/problem-access.js';
import type { SupervisionRuntime } from './runtime.js';

/** Who plans (milestones, extension requests): the lead unit, and oversight roles that correct plans. */
export const PLANNERS = ['admin', 'supervisor', 'department'] as const;
/** Who supervises (decide extensions, record supervision actions, settle months). */
export const OVERSIGHT = ['admin', 'supervisor'] as const;

export type Need = 'read' | 'plan' | 'oversee';

/**
 * Loads an item for a supervision operation. Supervision data is internal: staff only, and
 * department staff only for items their unit leads (or co-handles, to read). Items the actor may
 * not see answer 404, like the core does.
 */
export async function loadFor(
  rt: SupervisionRuntime,
  dbx: Db,
  actor: Actor,
  code: string,
  need: Need,
): Promise<Loaded> {
  requireRole(actor, need === 'read' ? STAFF_ROLES : need === 'plan' ? [...PLANNERS] : [...OVERSIGHT]);
  const loaded = await rt.problems.load(dbx, actor, code);
  if (actor.role === 'department') {
    const lead = inScope(actor, loaded.row.lead_department_id);
    const co = loaded.coDepartmentIds.some((d) => inScope(actor, d));
    if (!(lead || (need === 'read' && co))) {
      if (!lead && !co)
        throw new AppError('not_found', say(`未找到问题 ${code}`, `problem ${code} was not found`), {
          what: 'problem',
          key: code,
        });
      throw new AppError(
        'forbidden',
        say('只有牵头单位可以修改该事项的计划', "only the lead unit may change this item's plan"),
      );
    }
  }
  return loaded;
}

/** Departments a caller may see supervision records of: all for citywide roles, else their scope. */
export function departmentScope(actor: Actor): number[] | 'all' {
  requireRole(actor, STAFF_ROLES);
  return actor.role === 'department' ? actor.departmentScope : 'all';
}
