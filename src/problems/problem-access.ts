import type { Actor } from '../auth/actor.js';
import { CITYWIDE_ROLES, CONTACT_ROLES, STAFF_ROLES } from '../auth/actor.js';
import { AppError, say } from '../errors.js';
import { PUBLIC_STATES, type ActorContext, type State } from '../lifecycle/lifecycle.js';
import type { ProblemRow } from './problem.repository.js';
import type { Visibility } from './problem-list.repository.js';

/** Who may see what. Items a caller may not read answer 404, so codes can't be probed. */
export function visibilityFor(actor: Actor): Visibility {
  if (CITYWIDE_ROLES.includes(actor.role)) return { kind: 'all' };
  if (actor.role === 'department') return { kind: 'scope', departmentIds: actor.departmentScope };
  return { kind: 'public' };
}

export function isPubliclyVisible(row: ProblemRow): boolean {
  return row.is_public === 1 && PUBLIC_STATES.includes(row.status as State);
}

export function inScope(actor: Actor, departmentId: number | null): boolean {
  return departmentId !== null && actor.departmentScope.includes(departmentId);
}

export function canRead(actor: Actor, row: ProblemRow, coDepartmentIds: number[], hasToken: boolean): boolean {
  if (hasToken) return true;
  if (CITYWIDE_ROLES.includes(actor.role)) return true;
  if (
    actor.role === 'department' &&
    (inScope(actor, row.lead_department_id) || coDepartmentIds.some((d) => inScope(actor, d)))
  ) {
    return true;
  }
  return isPubliclyVisible(row);
}

/**
 * A signed-in resident (a `public` user, src/residents) is the reporter of what they reported
 * while signed in or claimed with its token, and may do what the tracking token allows.
 */
export const isOwnReport = (actor: Actor, row: ProblemRow) =>
  actor.kind === 'user' && actor.role === 'public' && actor.id !== null && row.created_by === actor.id;

/**
 * The internal timeline (notes with contact details, return reasons, summons, officials' names) is
 * for the citywide offices and the units on the item; any other unit sees what the public sees.
 */
export function mayReadInternal(actor: Actor, row: ProblemRow, coDepartmentIds: number[]): boolean {
  if (CITYWIDE_ROLES.includes(actor.role)) return true;
  return (
    actor.role === 'department' &&
    (inScope(actor, row.lead_department_id) || coDepartmentIds.some((d) => inScope(actor, d)))
  );
}

/** Reporter contact is for roles that call reporters back, and for the reporter themself. */
export const mayReadContact = (actor: Actor) => CONTACT_ROLES.includes(actor.role);

export function lifecycleContext(
  actor: Actor,
  row: ProblemRow,
  coDepartmentIds: number[],
  hasToken: boolean,
): ActorContext {
  return {
    role: actor.role,
    inLeadScope: inScope(actor, row.lead_department_id),
    inCoScope: coDepartmentIds.some((d) => inScope(actor, d)),
    hasToken,
    isOwnerLeader: actor.id !== null && actor.id === row.owner_leader_id,
  };
}

/** Fields of a new item that shape the work rather than describe the problem: staff set them. */
const STAFF_ONLY_FIELDS = ['parentCode', 'measures', 'tagIds'] as const;

/**
 * What a report may set, by who sends it. The public cannot attach its report under another item
 * (a child drags the parent's roll-up and, answered 201 or 400, would tell whether a private code
 * exists), write the measures or tag it: those are refused before any lookup. Urgency above
 * normal is the acceptance desk's call; a resident's choice is taken as normal.
 */
export function reportInputFor<
  T extends { urgency?: string } & Partial<Record<(typeof STAFF_ONLY_FIELDS)[number], unknown>>,
>(actor: Actor, input: T): T {
  if (STAFF_ROLES.includes(actor.role)) return input;
  for (const field of STAFF_ONLY_FIELDS) {
    if (input[field] !== undefined)
      throw new AppError('forbidden', say(`只有工作人员可以设置 ${field}`, `only staff may set ${field}`), { field });
  }
  return input.urgency && input.urgency !== 'normal' ? { ...input, urgency: 'normal' } : input;
}
