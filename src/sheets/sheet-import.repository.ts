import type { Db } from '../db/database.js';

/** The last hundred committed imports, newest first, as the API answers them. */
export async function listImports(db: Db) {
  const rows = await db.selectFrom('sheet_imports').selectAll().orderBy('id', 'desc').limit(100).execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sheetKey: r.sheet_key,
    mode: r.mode,
    totalRows: r.total_rows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    actorId: r.actor_id,
    actorName: r.actor_name,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}
