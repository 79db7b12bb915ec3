import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { inScope } from '../problems/problem-access.js';
import { departmentScope } from '../supervision/supervision-access.js';
import { getLetter } from './letter.repository.js';

/**
 * Who reads a letter: citywide staff all of them, a unit those addressed to it (others answer
 * 404, as items outside a unit's scope do).
 */
export async function load(dbx: Db, actor: Actor, id: number) {
  const scope = departmentScope(actor);
  const row = await getLetter(dbx, id);
  if (!row || (scope !== 'all' && !scope.includes(row.department_id))) throw notFound('letter', id);
  return row;
}

/**
 * Who answers a letter: the addressed unit's own staff only. Anyone else — another unit, the
 * office that issued it — is refused with 403: signing for a letter is the unit's act.
 */
export async function loadForUnit(trx: Db, actor: Actor, id: number) {
  requireRole(actor, STAFF_ROLES);
  const row = await getLetter(trx, id);
  if (!row) throw notFound('letter', id);
  if (actor.role !== 'department' || !inScope(actor, row.department_id))
    throw new AppError('forbidden', `only ${row.department_name} may answer letter ${row.doc_number}`);
  return row;
}
