import type { Kysely } from 'kysely';

/**
 * The statistics (src/stats) count and group the whole public list, about 25 aggregates per
 * summary. Read from the table, each one reads every row (the text included: gigabytes at a
 * million items); this index holds every column those queries filter and group on, so they read
 * only the index. Measured at 1,000,000 items on SQLite: a summary from ~90 s to ~11 s. It is not
 * the cure — that is precomputed counts (bench/README.md) — but it is a cheap one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('problems_stats_idx')
    .on('problems')
    .columns([
      'status',
      'is_public',
      'category_id',
      'area_id',
      'source_id',
      'urgency',
      'lead_department_id',
      'created_at',
      'deadline',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problems_stats_idx').execute();
}
