import type { Db } from '../db/database.js';

export type DispatchTarget = 'category' | 'department';

export interface DispatchModelTable {
  target: string;
  model: string;
  items: number;
  top1: number | null;
  top3: number | null;
  train_ms: number;
  trained_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    dispatch_models: DispatchModelTable;
  }
}

/** States past triage: an officer chose the category and unit, so they are a training signal. */
const TRIAGED = ['assigned', 'in_progress', 'long_term', 'rectified', 'verified', 'closed'];

/** The newest triaged items (text, category, lead unit), at most `limit`. */
export function triagedItems(db: Db, limit: number) {
  return db
    .selectFrom('problems')
    .select(['title', 'description', 'category_id', 'lead_department_id'])
    .where('status', 'in', TRIAGED)
    .where('merged_into_id', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function saveModel(db: Db, row: DispatchModelTable): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('dispatch_models').where('target', '=', row.target).execute();
    await trx.insertInto('dispatch_models').values(row).execute();
  });
}

export function loadModels(db: Db) {
  return db.selectFrom('dispatch_models').selectAll().execute();
}

/** When each model was trained: cheap to poll from another instance. */
export function modelStamps(db: Db) {
  return db.selectFrom('dispatch_models').select(['target', 'trained_at']).execute();
}
