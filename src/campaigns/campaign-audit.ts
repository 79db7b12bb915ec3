import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { CmpEventTable } from './campaign-tables.js';
import { appendLink, verifyLinks, type ChainSpec } from '../audit/chain.js';

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

export const CAMPAIGN_CHAIN: ChainSpec = {
  name: 'campaigns',
  events: 'cmp_events',
  head: 'cmp_audit_head',
  fields: (e: Omit<Selectable<CmpEventTable>, 'hash'>) => [
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
  ],
};

/** Appends one event inside the caller's transaction; appends are serialised on the head row. */
export async function appendCampaignEvent(trx: Db, e: CampaignEvent): Promise<void> {
  await appendLink(trx, CAMPAIGN_CHAIN, {
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    role: e.actor.role,
    payload: JSON.stringify(e.payload),
    created_at: e.createdAt,
  });
}

/** Walks the chain in id order and reports the first broken link. */
export async function verifyCampaignChain(db: Db, pageSize = 5000) {
  return verifyLinks(db, CAMPAIGN_CHAIN, pageSize);
}
