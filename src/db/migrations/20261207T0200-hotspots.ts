import type { Kysely } from 'kysely';

/**
 * Hot spots (issue #14 part 5, src/hotspots): residents' "me too" (我也遇到) on public items, one
 * per account or signed device, kept as digests like comment likes; the items a promotion linked
 * to the systemic item made of their cluster; existing items attached to a campaign after it was
 * opened; the `hotspot` source the systemic items are reported under; and an index on the report
 * time, which the clusters' window reads. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hot_metoo')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('supporter_hash', 'text', (c) => c.notNull())
    // The address of an anonymous one, as a digest (the per-address cap); null for accounts.
    .addColumn('client_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hot_metoo_pk', ['problem_id', 'supporter_hash'])
    .execute();
  await db.schema
    .createIndex('hot_metoo_client_idx')
    .on('hot_metoo')
    .columns(['problem_id', 'client_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('hot_links')
    .addColumn('systemic_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hot_links_pk', ['systemic_id', 'problem_id'])
    .execute();
  await db.schema.createIndex('hot_links_problem_idx').on('hot_links').column('problem_id').execute();

  await db.schema
    .createTable('hot_campaign_items')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('cmp_campaigns.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('attached_by', 'integer')
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hot_campaign_items_pk', ['campaign_id', 'problem_id'])
    .execute();
  await db.schema.createIndex('hot_campaign_items_problem_idx').on('hot_campaign_items').column('problem_id').execute();

  await db.schema.createIndex('problems_created_at_idx').on('problems').columns(['created_at', 'id']).execute();

  await db
    .insertInto('sources')
    .values({ code: 'hotspot', name: '热点归集', name_en: 'Hot spot', sort: 85 })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problems_created_at_idx').execute();
  await db.schema.dropTable('hot_campaign_items').execute();
  await db.schema.dropTable('hot_links').execute();
  await db.schema.dropTable('hot_metoo').execute();
}
