import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * The one-window hall (一窗受理, src/hall): the matter catalogue with its versions and materials,
 * applications (办件) with their materials, notices, ratings (好差评) and free services, the hall's
 * own hash chain, and the 好差评 source bad ratings become items under. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('hall_matters'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('hall_matter_versions'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('hall_matters.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // 'draft' or 'published'; a published version is current between effective_from and effective_to.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('implementing_body', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('statutory_days', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    // Fees in fen (分) so sums are exact; 0 is free of charge.
    .addColumn('fee_fen', 'integer', (c) => c.notNull())
    .addColumn('fee_note', 'text')
    .addColumn('at_most_once', 'integer', (c) => c.notNull())
    .addColumn('service_mode', 'text', (c) => c.notNull())
    .addColumn('free_services', 'text', (c) => c.notNull())
    .addColumn('life_events', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('effective_to', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addUniqueConstraint('hall_matter_versions_uq', ['matter_id', 'version'])
    .execute();
  await db.schema
    .createIndex('hall_versions_current_idx')
    .on('hall_matter_versions')
    .columns(['status', 'effective_from', 'effective_to'])
    .execute();
  await db.schema
    .createIndex('hall_versions_dept_idx')
    .on('hall_matter_versions')
    .columns(['department_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('hall_materials'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('hall_matter_versions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'original', 'copy' or 'original_and_copy'.
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    // 1 required; 0 容缺 (may be promised and supplied after acceptance).
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('hall_materials_version_idx')
    .on('hall_materials')
    .columns(['version_id', 'seq'])
    .execute();

  // The guide's search index: the Chinese terms (src/search/tokenize.ts) of each version.
  await db.schema
    .createTable('hall_matter_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('hall_matter_versions.id').onDelete('cascade'))
    .addColumn('in_name', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hall_matter_terms_pk', ['term', 'version_id'])
    .execute();
  await db.schema.createIndex('hall_matter_terms_version_idx').on('hall_matter_terms').column('version_id').execute();
  await db.schema
    .createTable('hall_version_life_events')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('hall_matter_versions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('hall_version_life_events_pk', ['event', 'version_id'])
    .execute();

  await withId(db, db.schema.createTable('hall_applications'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    // The applicant's token: a digest to check it, and encrypted so later SMS can carry the link.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_cipher', 'text', (c) => c.notNull())
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('hall_matters.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('hall_matter_versions.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('window_code', 'text', (c) => c.notNull())
    .addColumn('clerk_id', 'integer', (c) => c.references('users.id'))
    .addColumn('clerk_name', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    // The ID number or credit code: AES-GCM ciphertext, a keyed digest to find it, a masked form to show.
    .addColumn('id_cipher', 'text', (c) => c.notNull())
    .addColumn('id_digest', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('batch', 'text')
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('notice_count', 'integer', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('due_date', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull())
    .addColumn('paused_since', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('working_days_used', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('decision_reason', 'text')
    .addColumn('result_method', 'text')
    .addColumn('result_note', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('warning_level', 'text', (c) => c.notNull())
    .addColumn('warning_since', 'text')
    .addColumn('reminded_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['hall_apps_registered_idx', ['registered_on', 'id']],
    ['hall_apps_dept_idx', ['department_id', 'status']],
    ['hall_apps_status_due_idx', ['status', 'due_date']],
    ['hall_apps_digest_idx', ['id_digest']],
    ['hall_apps_warning_idx', ['warning_level']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('hall_applications')
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable('hall_application_materials')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('hall_applications.id').onDelete('cascade'))
    .addColumn('material_id', 'integer', (c) => c.notNull().references('hall_materials.id'))
    // 'received', 'missing' or 'deferred' (容缺: promised for promised_date).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text')
    .addColumn('received_at', 'text')
    .addPrimaryKeyConstraint('hall_application_materials_pk', ['application_id', 'material_id'])
    .execute();

  await withId(db, db.schema.createTable('hall_notices'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('hall_applications.id').onDelete('cascade'))
    // 'acceptance', 'one_time', 'supplement' or 'decision'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    // What was printed, so a reprint is the same document.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sent', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_notices_app_idx').on('hall_notices').columns(['application_id', 'id']).execute();

  await withId(db, db.schema.createTable('hall_ratings'))
    // One rating per case: NULLs (window visits) are distinct in a unique index in both engines.
    .addColumn('application_id', 'integer', (c) => c.unique().references('hall_applications.id'))
    .addColumn('window_code', 'text', (c) => c.notNull())
    .addColumn('clerk_id', 'integer')
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.references('problems.id'))
    .addColumn('rated_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_ratings_rated_idx').on('hall_ratings').columns(['rated_on', 'id']).execute();
  await db.schema.createIndex('hall_ratings_problem_idx').on('hall_ratings').column('problem_id').execute();

  await withId(db, db.schema.createTable('hall_free_services'))
    .addColumn('application_id', 'integer', (c) => c.references('hall_applications.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_fen', 'integer', (c) => c.notNull())
    .addColumn('window_code', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_free_services_on_idx').on('hall_free_services').column('recorded_on').execute();

  await db.schema
    .createTable('hall_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The hall's hash chain (src/hall/hall-audit.ts): events.problem_id must name an item, these do not.
  await withId(db, db.schema.createTable('hall_events'))
    .addColumn('application_id', 'integer')
    .addColumn('matter_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_events_app_idx').on('hall_events').columns(['application_id', 'id']).execute();
  await db.schema.createIndex('hall_events_matter_idx').on('hall_events').columns(['matter_id', 'id']).execute();
  await db.schema
    .createTable('hall_audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('hall_audit_head').values({ id: 1, last_event_id: 0, last_hash: 'genesis' }).execute();

  // Bad ratings become items under this source, with or without the demo.
  const exists = await db.selectFrom('sources').select('id').where('code', '=', 'hall_rating').executeTakeFirst();
  if (!exists)
    await db
      .insertInto('sources')
      .values({ code: 'hall_rating', name: '好差评', name_en: 'Service rating (hall)', sort: 90 })
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'hall_audit_head',
    'hall_events',
    'hall_settings',
    'hall_free_services',
    'hall_ratings',
    'hall_notices',
    'hall_application_materials',
    'hall_applications',
    'hall_version_life_events',
    'hall_matter_terms',
    'hall_materials',
    'hall_matter_versions',
    'hall_matters',
  ])
    await db.schema.dropTable(t).execute();
  await db.deleteFrom('sources').where('code', '=', 'hall_rating').execute();
}
