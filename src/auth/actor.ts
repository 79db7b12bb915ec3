import { AppError, say } from '../errors.js';
import type { Role } from '../lifecycle/lifecycle.js';

/** Who is making a request, resolved once per request by the auth hook. */
export interface Actor {
  kind: 'user' | 'api_key' | 'anonymous';
  id: number | null;
  name: string;
  role: Role;
  departmentId: number | null;
  /** The actor's department and all its descendants; empty for roles without a department. */
  departmentScope: number[];
  /** Authenticated by session cookie: state-changing requests must pass the origin check. */
  viaCookie: boolean;
}

export const ANONYMOUS: Actor = Object.freeze({
  kind: 'anonymous',
  id: null,
  name: '公众',
  role: 'public',
  departmentId: null,
  departmentScope: [],
  viaCookie: false,
}) as Actor;

export const STAFF_ROLES: Role[] = ['admin', 'acceptance', 'department', 'supervisor', 'leader'];
/** Roles that read every item, private or not, in any department. */
export const CITYWIDE_ROLES: Role[] = ['admin', 'acceptance', 'supervisor', 'leader'];
/** Roles whose work needs the reporter's contact details (callbacks, clarifications). */
export const CONTACT_ROLES: Role[] = ['admin', 'acceptance', 'supervisor'];

export const isStaff = (a: Actor) => STAFF_ROLES.includes(a.role);

export function requireRole(actor: Actor, roles: Role[]): void {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', say('请先登录', 'please sign in'));
  if (!roles.includes(actor.role))
    throw new AppError(
      'forbidden',
      say(`需要以下角色之一：${roles.join('、')}`, `this needs one of the roles: ${roles.join(', ')}`),
    );
}
