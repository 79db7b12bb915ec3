import type { Kysely } from 'kysely';

/**
 * The dispatch models (src/dispatch): the latest model trained from the city's history for each
 * target (category, lead unit), so every server and command suggests from the same one. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dispatch_models')
    .addColumn('target', 'text', (c) => c.primaryKey())
    // LinearModel.toJSON(); labels are the ids of categories or departments, as text.
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    // Accuracy on the held-out fifth of the history, when there were enough items to hold out.
    .addColumn('top1', 'real')
    .addColumn('top3', 'real')
    .addColumn('train_ms', 'integer', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dispatch_models').execute();
}
