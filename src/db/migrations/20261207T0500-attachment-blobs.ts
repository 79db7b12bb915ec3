import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Attachment bytes in the database (QINGDAN_ATTACHMENTS=database, src/attachments/blob-store.ts),
 * so several instances on one PostgreSQL share the photos and backups hold them. A file is rows of
 * at most 256 KiB keyed by the attachment's storage key and the chunk's place. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_blobs')
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_blobs_pk', ['storage_key', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_blobs').execute();
}
