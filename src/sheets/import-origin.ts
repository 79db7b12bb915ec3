/**
 * What an imported item brings from its sheet beyond the item itself (problem_origins): when it
 * was imported, its support and opposition counts, and the sheet's own reference and user id.
 * The reference and user id are staff-only; the counts are public like the item.
 */
import type { Db } from '../db/database.js';
import type { ProblemOriginTable } from '../db/schema.js';
import type { ImportRow } from './row-validate.js';

type OriginFields = Omit<ProblemOriginTable, 'problem_id' | 'imported_at'>;
const SHEET_FIELD = {
  support_count: 'supportCount',
  oppose_count: 'opposeCount',
  external_ref: 'externalRef',
  external_user_id: 'externalUserId',
} as const;

/** The origin columns the row sets (only those the sheet has a column for). */
export function originOf(r: ImportRow): Partial<OriginFields> {
  const out: Partial<OriginFields> = {};
  for (const [col, field] of Object.entries(SHEET_FIELD))
    if (r.present.has(field)) (out as Record<string, unknown>)[col] = r[field];
  return out;
}

export async function loadOrigin(db: Db, problemId: number): Promise<ProblemOriginTable | undefined> {
  return db.selectFrom('problem_origins').selectAll().where('problem_id', '=', problemId).executeTakeFirst();
}

/** What would change in the origin row; empty when nothing would. */
export function originChanges(prior: ProblemOriginTable | undefined, next: Partial<OriginFields>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(next)) {
    const old = prior ? prior[k as keyof OriginFields] : null;
    if ((old ?? null) !== (v ?? null)) changes[k] = { from: old ?? null, to: v ?? null };
  }
  return changes;
}

export async function writeOrigin(
  trx: Db,
  problemId: number,
  importedAt: string,
  fields: Partial<OriginFields>,
  exists: boolean,
): Promise<void> {
  if (exists) {
    if (Object.keys(fields).length)
      await trx.updateTable('problem_origins').set(fields).where('problem_id', '=', problemId).execute();
    return;
  }
  await trx
    .insertInto('problem_origins')
    .values({
      problem_id: problemId,
      imported_at: importedAt,
      support_count: null,
      oppose_count: null,
      external_ref: null,
      external_user_id: null,
      ...fields,
    })
    .execute();
}
