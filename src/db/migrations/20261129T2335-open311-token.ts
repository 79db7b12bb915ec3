import type { Kysely } from 'kysely';

// A public lookup token per Open311 submission: GET /tokens/{token} answers the request id. It is
// not a secret and grants nothing (unlike the reporter's tracking token).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('open311_requests').addColumn('token', 'text').execute();
  await db.schema.createIndex('open311_requests_token_idx').unique().on('open311_requests').column('token').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('open311_requests_token_idx').execute();
  await db.schema.alterTable('open311_requests').dropColumn('token').execute();
}
