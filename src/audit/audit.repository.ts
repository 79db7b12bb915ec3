import type { Db } from '../db/database.js';
import { appendLink, lockChainHead, verifyLinks, type ChainHead, type ChainSpec } from './chain.js';
import { eventFields } from './hash.js';
import { appendItemLink, appendItemLinks } from './item-partitions.js';
import { verifyItemPartitions } from './partition-verify.js';

export interface NewEvent {
  problemId: number;
  action: string;
  actorId: number | null;
  actorName: string;
  role: string;
  fromState: string | null;
  toState: string | null;
  payload: Record<string, unknown>;
  reason: string | null;
  isPublic: boolean;
  createdAt: string;
}

/** The item chain: every item write appends to it. */
export const ITEM_CHAIN: ChainSpec = {
  name: 'audit',
  events: 'events',
  head: 'audit_head',
  fields: eventFields,
  partitions: verifyItemPartitions,
};

/**
 * Takes the chain's head for the rest of the caller's transaction and reads it, so appends are
 * serialised and the chain never forks (src/audit/chain.ts).
 */
export async function lockAuditHead(trx: Db): Promise<ChainHead> {
  return lockChainHead(trx, ITEM_CHAIN);
}

const eventRow = (e: NewEvent) => ({
  problem_id: e.problemId,
  action: e.action,
  actor_id: e.actorId,
  actor_name: e.actorName,
  role: e.role,
  from_state: e.fromState,
  to_state: e.toState,
  payload: JSON.stringify(e.payload ?? {}),
  reason: e.reason,
  is_public: e.isPublic ? 1 : 0,
  created_at: e.createdAt,
});

/** Appends one event to its item's hash chain. Must run inside the caller's transaction. */
export async function appendEvent(trx: Db, e: NewEvent): Promise<{ id: number; hash: string }> {
  const row = eventRow(e);
  // Partitioned per item since migration 20261207T0510; the single chain only on an older schema.
  return (await appendItemLink(trx, ITEM_CHAIN, row)) ?? appendLink(trx, ITEM_CHAIN, row);
}

/** Appends one event to each of several items' chains, in a few statements; as appendEvent on each. */
export async function appendEvents(trx: Db, events: NewEvent[]): Promise<{ id: number; hash: string }[]> {
  const rows = events.map(eventRow);
  const linked = await appendItemLinks(trx, ITEM_CHAIN, rows);
  if (linked) return linked;
  const out: { id: number; hash: string }[] = [];
  for (const row of rows) out.push(await appendLink(trx, ITEM_CHAIN, row));
  return out;
}

export interface ChainBreak {
  eventId: number;
  problemId: number | null;
  reason: 'content_changed' | 'link_broken' | 'head_mismatch';
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBreak: ChainBreak | null;
  lastId: number;
  lastHash: string;
  keyedFrom: number | null;
}

/** Walks the whole item chain in id order, in pages, and reports the first broken link. */
export async function verifyChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  const v = await verifyLinks(db, ITEM_CHAIN, pageSize);
  const b = v.broken;
  return {
    ok: v.ok,
    checked: v.checked,
    firstBreak: b && {
      eventId: b.row?.id ?? v.lastId,
      problemId: b.row?.problem_id ?? null,
      reason: b.reason,
      message: v.message!,
    },
    lastId: v.lastId,
    lastHash: v.lastHash,
    keyedFrom: v.keyedFrom,
  };
}

export async function eventsOf(db: Db, problemId: number) {
  return db.selectFrom('events').selectAll().where('problem_id', '=', problemId).orderBy('id').execute();
}
