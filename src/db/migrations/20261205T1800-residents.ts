import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * The residents' side (src/residents): one-time sign-in codes (only digests stored), each
 * resident's contact choice, subscriptions to an item, area or category, and area boundaries
 * (GeoJSON) for the map. Residents themselves are `users` rows with the role `public`, so they
 * reuse the staff sessions. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('resident_codes'))
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('resident_codes_phone_idx')
    .on('resident_codes')
    .columns(['phone_hash', 'created_at'])
    .execute();
  await db.schema.createIndex('resident_codes_ip_idx').on('resident_codes').columns(['ip', 'created_at']).execute();

  await db.schema
    .createTable('residents')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    // 'sms', 'email' or 'none': how state changes of the resident's reports reach them.
    .addColumn('notify_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('resident_subscriptions'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
    // 'immediate' or 'daily' (a digest of what happened since last_sent_at).
    .addColumn('mode', 'text', (c) => c.notNull())
    // Kept in clear: it is put in every message, and only ends this one subscription.
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .execute();
  await db.schema.createIndex('resident_subs_user_idx').on('resident_subscriptions').column('user_id').execute();

  await db.schema
    .createTable('area_boundaries')
    .addColumn('area_id', 'integer', (c) => c.primaryKey().references('areas.id'))
    // A GeoJSON Polygon or MultiPolygon in WGS-84 (lng, lat), as text.
    .addColumn('geojson', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['area_boundaries', 'resident_subscriptions', 'residents', 'resident_codes'])
    await db.schema.dropTable(t).ifExists().execute();
}
