import type { Kysely } from 'kysely';

const HEADS = ['audit_head', 'hall_audit_head', 'cmp_audit_head'];

/**
 * Keyed hash chains (issue #16, finding 8). Events written before a key existed keep their plain
 * SHA-256 links; `keyed_from` names the first event whose link is an HMAC under the audit key, and
 * `keyed_mac` (an HMAC of that id) stops someone with database access moving the boundary.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const t of HEADS) {
    await db.schema.alterTable(t).addColumn('keyed_from', 'integer').execute();
    await db.schema.alterTable(t).addColumn('keyed_mac', 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of HEADS) {
    await db.schema.alterTable(t).dropColumn('keyed_mac').execute();
    await db.schema.alterTable(t).dropColumn('keyed_from').execute();
  }
}
