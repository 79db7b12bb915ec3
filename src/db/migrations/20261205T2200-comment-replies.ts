import type { Kysely } from 'kysely';

/**
 * An official reply (官方回复) on a comment: the comment form promises one, and staff had no way
 * to give it. One reply per comment, shown to everyone with the comment. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('reply_text', 'text').execute();
  await db.schema.alterTable('comments').addColumn('reply_by', 'text').execute();
  await db.schema.alterTable('comments').addColumn('reply_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('reply_at').execute();
  await db.schema.alterTable('comments').dropColumn('reply_by').execute();
  await db.schema.alterTable('comments').dropColumn('reply_text').execute();
}
