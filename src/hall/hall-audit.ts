import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { HallEventTable } from './hall-tables.js';
import { appendLink, linkKey, lockChainHead, verifyLinks, type ChainSpec } from '../audit/chain.js';
import { linkDigest } from '../audit/hash.js';

/**
 * The hall's hash chain. The item chain (`events`) ties every event to an item (problem_id is NOT
 * NULL with a foreign key), and a case or a matter is not an item; so the hall keeps a chain of
 * its own with the same guarantees: each event hashes its content and the hash before it, appends
 * are serialised on the head row, and `qingdan audit verify` walks it after the item chain.
 * Writes that touch an item (a bad rating's item) are on the item chain through the problem services.
 */
export interface HallEvent {
  applicationId?: number | null;
  matterId?: number | null;
  action: string;
  actor: Pick<Actor, 'id' | 'name' | 'role'>;
  fromState?: string | null;
  toState?: string | null;
  /** Never an ID number or a phone: the chain cannot be edited, so nothing personal goes in. */
  payload: Record<string, unknown>;
  isPublic: boolean;
  createdAt: string;
}

type Hashed = Omit<Selectable<HallEventTable>, 'hash'>;

export const HALL_CHAIN: ChainSpec = {
  name: 'hall',
  events: 'hall_events',
  head: 'hall_audit_head',
  fields: (e: Hashed) => [
    e.id,
    e.application_id,
    e.matter_id,
    e.action,
    e.actor_id,
    e.actor_name,
    e.role,
    e.from_state,
    e.to_state,
    e.payload,
    Number(e.is_public),
    e.created_at,
    e.prev_hash,
  ],
};

const rowOf = (e: HallEvent) => ({
  application_id: e.applicationId ?? null,
  matter_id: e.matterId ?? null,
  action: e.action,
  actor_id: e.actor.id,
  actor_name: e.actor.name,
  role: e.actor.role,
  from_state: e.fromState ?? null,
  to_state: e.toState ?? null,
  payload: JSON.stringify(e.payload),
  is_public: e.isPublic ? 1 : 0,
  created_at: e.createdAt,
});

/** Appends one event; must run inside the caller's transaction. */
export async function appendHallEvent(trx: Db, e: HallEvent): Promise<number> {
  return (await appendLink(trx, HALL_CHAIN, rowOf(e))).id;
}

/** Walks the chain in id order and reports the first broken link. */
export async function verifyHallChain(db: Db, pageSize = 5000) {
  return verifyLinks(db, HALL_CHAIN, pageSize);
}

/**
 * Appends many events in one go (the demo's batches, imports): inserted in chunks, then chained
 * in id order from the rows as stored, so each hash covers exactly what the table holds.
 */
export async function appendHallEvents(trx: Db, events: HallEvent[]): Promise<void> {
  if (!events.length) return;
  const head = await lockChainHead(trx, HALL_CHAIN);
  // Statements of up to 2,000 rows (26,000 parameters) stay under both engines' limits.
  for (let i = 0; i < events.length; i += 2000)
    await trx
      .insertInto('hall_events')
      .values(events.slice(i, i + 2000).map((e) => ({ ...rowOf(e), prev_hash: 'pending', hash: 'pending' })))
      .execute();
  const rows = await trx
    .selectFrom('hall_events')
    .selectAll()
    .where('id', '>', head.last_event_id)
    .orderBy('id')
    .execute();
  let prev = head.last_hash;
  const links = rows.map((row) => {
    const hash = linkDigest(HALL_CHAIN.fields({ ...row, prev_hash: prev }), linkKey(head, row.id));
    const link = { id: row.id, prev, hash };
    prev = hash;
    return link;
  });
  // One UPDATE per few hundred events: a statement per event was most of a big batch's time.
  for (let i = 0; i < links.length; i += 500) {
    const part = links.slice(i, i + 500);
    const when = (col: 'prev' | 'hash') =>
      sql.join(
        part.map((l) => sql`when ${l.id} then ${l[col]}`),
        sql` `,
      );
    await sql`update hall_events set prev_hash = case id ${when('prev')} end, hash = case id ${when('hash')} end
      where id in (${sql.join(part.map((l) => l.id))})`.execute(trx);
  }
  const last = rows.at(-1)!;
  await trx
    .updateTable('hall_audit_head')
    .set({ last_event_id: last.id, last_hash: prev })
    .where('id', '=', 1)
    .execute();
}
