import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/**
 * Public comments and thanks (评论 / 送锦旗) on items, and one like per client per comment.
 * The commenter's client is kept only as a digest: enough to rate-limit and moderate, nothing to
 * identify a person with. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('comments'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    // 'comment' or 'thanks'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    // Optional phone or e-mail so staff can follow up; never shown to the public.
    .addColumn('author_contact', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('client_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'text')
    .execute();
  await db.schema.createIndex('comments_problem_idx').on('comments').columns(['problem_id', 'created_at']).execute();
  // The moderation queue lists the newest comments across all items.
  await db.schema.createIndex('comments_created_idx').on('comments').column('created_at').execute();

  await db.schema
    .createTable('comment_likes')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('liker_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'liker_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_likes').execute();
  await db.schema.dropTable('comments').execute();
}
