/**
 * Shows what an imported item brought from its sheet: when it was imported (its createdAt is the
 * original report time), and its support and opposition counts. The sheet's own reference and
 * the citizen's user id there go only to the roles that may read a reporter's contact details:
 * the decorate hook has no actor, and the view carries `reporter` exactly for those roles (an
 * imported item has no tracking token, so no reporter reads it through one).
 */
import type { Db } from '../db/database.js';
import type { ProblemView } from '../problems/problem.schema.js';

export async function decorateOrigins(db: Db, views: ProblemView[], ids: number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom('problem_origins').selectAll().where('problem_id', 'in', ids).execute();
  if (!rows.length) return;
  const byId = new Map(rows.map((r) => [r.problem_id, r]));
  ids.forEach((id, i) => {
    const o = byId.get(id);
    const view = views[i];
    if (!o || !view) return;
    view.origin = {
      importedAt: o.imported_at,
      supportCount: o.support_count,
      opposeCount: o.oppose_count,
      ...(view.reporter ? { externalRef: o.external_ref, externalUserId: o.external_user_id } : {}),
    };
  });
}
