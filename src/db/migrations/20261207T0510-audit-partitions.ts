import { sql, type Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * The item chain partitioned per item (issue #17 point 7, src/audit/item-partitions.ts). Events
 * up to `audit_head.partitioned_from` keep their single chain, verified as before, and are never
 * rewritten; each later event links to its item's previous event, and `audit_item_heads` holds
 * each item's last link, written under the item's own lock instead of the one head row.
 * `audit_checkpoints` chains the partitions: each row digests the item heads that moved since the
 * row before it and links to that row. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('partitioned_from', 'integer').execute();
  // Applied under the migration lock: every event written from here on is partitioned.
  await sql`update audit_head set partitioned_from = last_event_id + 1 where id = 1`.execute(db);
  await db.schema
    .createTable('audit_item_heads')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('audit_checkpoints'))
    .addColumn('upto_event_id', 'integer', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropTable('audit_item_heads').execute();
  await db.schema.alterTable('audit_head').dropColumn('partitioned_from').execute();
}
