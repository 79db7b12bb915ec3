import type { Kysely } from 'kysely';

/**
 * One like per person or signed device (issue #16 finding 10): an anonymous like keeps the digest
 * of the address it came from, so likes per address per comment can be capped, and the server keeps
 * the key that signs the device ids it hands to browsers (one key for every instance on the
 * database). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comment_likes').addColumn('client_hash', 'text').execute();
  await db.schema
    .createIndex('comment_likes_client_idx')
    .on('comment_likes')
    .columns(['comment_id', 'client_hash'])
    .execute();
  await db.schema
    .createTable('server_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_keys').execute();
  await db.schema.dropIndex('comment_likes_client_idx').execute();
  await db.schema.alterTable('comment_likes').dropColumn('client_hash').execute();
}
