import type { Kysely } from 'kysely';

/**
 * The list's filters that are common alone but rare together (a source, an urgency, a category, an
 * area) each get an index that continues in the list's default order, (filter, created_at, id). A
 * page filtered by one of them then reads that filter's items newest first and stops after a page
 * of matches, instead of reading all of them (tens of thousands at a million items) to sort them;
 * a date range narrows the same index. Status already has one (core). src/problems/list-index-plan.ts
 * decides when a page uses them.
 */
const INDEXES: Array<[name: string, column: string]> = [
  ['problems_source_created_idx', 'source_id'],
  ['problems_urgency_created_idx', 'urgency'],
  ['problems_category_created_idx', 'category_id'],
  ['problems_area_created_idx', 'area_id'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, column] of INDEXES) {
    await db.schema.createIndex(name).on('problems').columns([column, 'created_at', 'id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
