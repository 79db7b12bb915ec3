import type { Kysely } from 'kysely';
import { DOUBLE, withId } from '../dialect.js';

/**
 * The campaign's instruments (src/campaigns): subjects (enterprises, estates …), field-research
 * visits and forums whose findings are items, campaigns grouping one plan per subject (一企一策,
 * each plan a child item with supervision milestones), enforcement measures, residents' acceptance
 * panels, programme parts with budgets, and the campaigns' own hash chain. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('cmp_subjects'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cmp_subjects_kind_idx').on('cmp_subjects').columns(['kind', 'id']).execute();

  await withId(db, db.schema.createTable('cmp_visits'))
    .addColumn('leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('met', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cmp_visits_date_idx').on('cmp_visits').columns(['visit_date', 'id']).execute();

  await withId(db, db.schema.createTable('cmp_forums'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('forum_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cmp_forum_subjects')
    .addColumn('forum_id', 'integer', (c) => c.notNull().references('cmp_forums.id'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('cmp_subjects.id'))
    .addPrimaryKeyConstraint('cmp_forum_subjects_pk', ['forum_id', 'subject_id'])
    .execute();

  // A finding of a visit or a point raised at a forum: always an item of the list.
  await withId(db, db.schema.createTable('cmp_findings'))
    .addColumn('visit_id', 'integer', (c) => c.references('cmp_visits.id'))
    .addColumn('forum_id', 'integer', (c) => c.references('cmp_forums.id'))
    .addColumn('subject_id', 'integer', (c) => c.references('cmp_subjects.id'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().unique().references('problems.id'))
    .addColumn('livelihood', 'integer', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cmp_findings_visit_idx').on('cmp_findings').columns(['visit_id']).execute();
  await db.schema.createIndex('cmp_findings_forum_idx').on('cmp_findings').columns(['forum_id']).execute();
  await db.schema.createIndex('cmp_findings_subject_idx').on('cmp_findings').columns(['subject_id']).execute();

  // A campaign is an item (its deadline, department, weekly reports) with plans as child items.
  await withId(db, db.schema.createTable('cmp_campaigns'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().unique().references('problems.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('cmp_plans'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('cmp_campaigns.id'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('cmp_subjects.id'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().unique().references('problems.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cmp_plans_uq', ['campaign_id', 'subject_id'])
    .execute();
  await db.schema.createIndex('cmp_plans_subject_idx').on('cmp_plans').columns(['subject_id']).execute();

  await withId(db, db.schema.createTable('cmp_enforcement'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('cmp_campaigns.id'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('cmp_subjects.id'))
    // sealed, staggered, summoned, ordered, fined, warned.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'integer')
    .addColumn('milestone_id', 'integer', (c) => c.references('milestones.id'))
    .addColumn('note', 'text')
    .addColumn('lifted_on', 'text')
    .addColumn('lift_doc_number', 'text')
    .addColumn('lift_note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cmp_enforcement_campaign_idx')
    .on('cmp_enforcement')
    .columns(['campaign_id', 'kind'])
    .execute();
  await db.schema.createIndex('cmp_enforcement_subject_idx').on('cmp_enforcement').columns(['subject_id']).execute();

  await withId(db, db.schema.createTable('cmp_panels'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
    // accepted or failed.
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cmp_panels_problem_idx').on('cmp_panels').columns(['problem_id']).execute();
  await withId(db, db.schema.createTable('cmp_panel_members'))
    .addColumn('panel_id', 'integer', (c) => c.notNull().references('cmp_panels.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // resident, enterprise, deputy, official.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();

  // Programmes: an item's parts and sub-projects (child items) with budgets and planned years.
  await db.schema
    .createTable('cmp_programme_parts')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey().references('problems.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('budget_wan', DOUBLE, (c) => c.notNull())
    .addColumn('spent_wan', DOUBLE, (c) => c.notNull())
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('cmp_events'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cmp_audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('cmp_audit_head').values({ id: 1, last_event_id: 0, last_hash: 'genesis' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'cmp_audit_head',
    'cmp_events',
    'cmp_programme_parts',
    'cmp_panel_members',
    'cmp_panels',
    'cmp_enforcement',
    'cmp_plans',
    'cmp_campaigns',
    'cmp_findings',
    'cmp_forum_subjects',
    'cmp_forums',
    'cmp_visits',
    'cmp_subjects',
  ])
    await db.schema.dropTable(t).execute();
}
