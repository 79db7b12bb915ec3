import { sql, type Kysely } from 'kysely';

/**
 * The map's cluster and nearby queries filter positioned items by a box of latitude and longitude
 * and group them by grid cell (src/residents/cluster-query.ts). This index holds every column those
 * queries read, so a zoomed view reads a narrow band of the index and the whole city reads the index
 * alone, never the wide item rows (3–8 s at 100,000 items before it: bench/README.md). Partial: most
 * items have no position. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('problems_map_idx')
    .on('problems')
    .columns(['lat', 'lng', 'is_public', 'status', 'category_id', 'area_id', 'code'])
    .where(sql.ref('lat'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problems_map_idx').execute();
}
