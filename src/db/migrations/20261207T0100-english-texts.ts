import type { Kysely } from 'kysely';

/**
 * Issue #18 fix 12: the texts the system writes itself get their English beside the Chinese, so
 * a reader is answered in the language they asked for. Automatic supervision actions (催办) and
 * notifications keep their Chinese sentence in `text` / `title` / `body` and the English in the
 * new nullable columns; rows written before this have none and are shown in Chinese. Category
 * questions already had `label_en` (and options their `nameEn`); their help text gains `help_en`.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervision_actions').addColumn('text_en', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('title_en', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('body_en', 'text').execute();
  await db.schema.alterTable('category_questions').addColumn('help_en', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('category_questions').dropColumn('help_en').execute();
  await db.schema.alterTable('notifications').dropColumn('body_en').execute();
  await db.schema.alterTable('notifications').dropColumn('title_en').execute();
  await db.schema.alterTable('supervision_actions').dropColumn('text_en').execute();
}
