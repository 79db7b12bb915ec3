import { sql, type Kysely } from 'kysely';

/**
 * Indexes found missing by the million-item benchmark (bench/README.md). Named after the newest
 * migration that existed when it was written, so databases that already ran those stay valid.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The list's "deadline" sort orders by coalesce(deadline, '9999-12-31'), id; without an index on
  // that expression every deadline-sorted page sorted the whole filtered list.
  await db.schema
    .createIndex('problems_deadline_sort_idx')
    .on('problems')
    .expression(sql`coalesce(deadline, '9999-12-31'), id`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problems_deadline_sort_idx').execute();
}
