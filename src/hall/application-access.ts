import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { constantTimeEqual, digest } from '../auth/secrets.js';
import type { CaseRow } from './application.repository.js';

/**
 * Who works a case. Any window accepts any matter (无差别受理): window staff (acceptance) register
 * and hand over; the competent department's staff review and decide; supervisors and leaders read.
 * Administrators may act on either side. The public reads a case with its number and token only.
 */
export type Side = 'window' | 'department';

export function sidesOf(actor: Actor, c: Pick<CaseRow, 'department_id'>): Side[] {
  if (actor.role === 'admin') return ['window', 'department'];
  if (actor.role === 'acceptance') return ['window'];
  if (actor.role === 'department' && actor.departmentScope.includes(c.department_id)) return ['department'];
  return [];
}

export const WINDOW_ROLES = ['admin', 'acceptance'] as const;
export const CASE_READERS = ['admin', 'acceptance', 'department', 'supervisor', 'leader'] as const;

/** Staff who may read this case: department staff only their own department's. */
export function mayRead(actor: Actor, c: Pick<CaseRow, 'department_id'>): boolean {
  if (actor.role === 'department') return actor.departmentScope.includes(c.department_id);
  return (CASE_READERS as readonly string[]).includes(actor.role);
}

/** The full ID number: the people who check it against registers (the window, the deciding department). */
export function mayReadIdentity(actor: Actor, c: Pick<CaseRow, 'department_id'>): boolean {
  return sidesOf(actor, c).length > 0;
}

/** Phone and e-mail: the case's workers and the supervisors who call raters back. */
export function mayReadContact(actor: Actor, c: Pick<CaseRow, 'department_id'>): boolean {
  return mayReadIdentity(actor, c) || actor.role === 'supervisor';
}

export function tokenMatches(c: Pick<CaseRow, 'token_hash'>, token: string | undefined): boolean {
  return Boolean(token && constantTimeEqual(digest(token), c.token_hash));
}

/** Unknown and unreadable cases answer the same 404, so numbers cannot be probed. */
export const caseNotFound = (number: string) => notFound('case', number);
