import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { CmpEventTable } from './campaign-tables.js';

/**
 * The campaigns' hash chain. A subject, visit, forum, plan, measure or panel is not an item, and
 * the item chain (`events`) requires one; so, like the hall, this feature keeps a chain of its own
 * that `qingdan audit verify` walks. Writes to items (findings, plans) are also on the item chain.
 * Payloads never hold a contact: the chain cannot be edited.
 */
export interface CampaignEvent {
  entity: 'subject' | 'visit' | 'forum' | 'campaign' | 'plan' | 'enforcement' | 'panel' | 'programme';
  entityId: number;
  action: string;
  actor: Pick<Actor, 'id' | 'name' | 'role'>;
  payload: Record<string, unknown>;
  createdAt: string;
}

export function campaignEventHash(e: Omit<Selectable<CmpEventTable>, 'hash'>): string {
  const canonical = JSON.stringify([
    e.id,
    e.entity,
    e.entity_id,
    e.action,
    e.actor_id,
    e.actor_name,
    e.role,
    e.payload,
    e.created_at,
    e.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Appends one event inside the caller's transaction; appends are serialised on the head row. */
export async function appendCampaignEvent(trx: Db, e: CampaignEvent): Promise<void> {
  const head = await trx
    .updateTable('cmp_audit_head')
    .set((eb) => ({ last_event_id: eb.ref('last_event_id') }))
    .where('id', '=', 1)
    .returning(['last_event_id', 'last_hash'])
    .executeTakeFirstOrThrow();
  const row = {
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    role: e.actor.role,
    payload: JSON.stringify(e.payload),
    created_at: e.createdAt,
    prev_hash: head.last_hash,
  };
  const { id } = await trx
    .insertInto('cmp_events')
    .values({ ...row, hash: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = campaignEventHash({ id, ...row });
  await trx.updateTable('cmp_events').set({ hash }).where('id', '=', id).execute();
  await trx.updateTable('cmp_audit_head').set({ last_event_id: id, last_hash: hash }).where('id', '=', 1).execute();
}

/** Walks the chain in id order and reports the first broken link. */
export async function verifyCampaignChain(db: Db, pageSize = 5000) {
  let prev = 'genesis';
  let lastId = 0;
  let checked = 0;
  const broken = (message: string) => ({ ok: false, checked, message });
  for (;;) {
    const rows = await db
      .selectFrom('cmp_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) return broken(`campaign event ${row.id} does not link to the one before it`);
      if (campaignEventHash(row) !== row.hash)
        return broken(`campaign event ${row.id} was changed after it was written`);
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('cmp_audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.last_hash !== prev || head.last_event_id !== lastId)
    return broken(`the campaign chain ends at event ${lastId} but its head says ${head?.last_event_id}`);
  return { ok: true, checked, message: null as string | null };
}
