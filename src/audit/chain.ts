import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { auditKey } from './audit-key.js';
import { linkDigest, sealMac } from './hash.js';

/**
 * A hash chain over one events table with a one-row head: the item chain (`events`), the hall's
 * and the campaigns'. Appends are serialised on the head row; every link covers its content and the
 * link before it; links from `keyed_from` on are HMACs under the audit key (src/audit/audit-key.ts).
 */
export interface ChainSpec {
  /** Named in messages and in the seal's MAC. */
  name: string;
  events: 'events' | 'hall_events' | 'cmp_events';
  head: 'audit_head' | 'hall_audit_head' | 'cmp_audit_head';
  /** The hashed fields of a stored row (everything but its hash), in a fixed order. */
  fields(row: any): unknown[];
  /**
   * The item chain only: verifies the events from `partitioned_from` on, linked per item
   * (src/audit/partition-verify.ts); the single chain before them is walked here.
   */
  partitions?: PartitionVerifier;
}

export type PartitionVerifier = (
  db: Db,
  ctx: { from: number; keyedFrom: number | null; pageSize: number },
) => Promise<Pick<ChainVerdict, 'broken' | 'message' | 'checked' | 'lastId' | 'lastHash'>>;

export interface ChainHead {
  last_event_id: number;
  last_hash: string;
  keyed_from: number | null;
  keyed_mac: string | null;
  partitioned_from?: number | null;
}

const anyDb = (db: Db) => db as unknown as Kysely<any>;

/** The key an event's link uses: the audit key from the chain's keyed start on, none before it. */
export function linkKey(head: Pick<ChainHead, 'keyed_from'>, id: number, key = auditKey()): Buffer | null {
  if (head.keyed_from === null || id < head.keyed_from) return null;
  if (!key) throw new Error('the audit chain is keyed but no audit key is configured (QINGDAN_AUDIT_KEY)');
  return key;
}

/**
 * Takes the head for the rest of the caller's transaction (an update that changes nothing locks the
 * row in either dialect) and, the first time a key is configured, seals the chain: every event from
 * the next one on is keyed. Events before the seal keep their plain links.
 */
export async function lockChainHead(trx: Db, spec: ChainSpec, sealFrom?: () => Promise<number>): Promise<ChainHead> {
  const head = (await anyDb(trx)
    .updateTable(spec.head)
    .set((eb: any) => ({ last_event_id: eb.ref('last_event_id') }))
    .where('id', '=', 1)
    .returning(['last_event_id', 'last_hash', 'keyed_from', 'keyed_mac'])
    .executeTakeFirstOrThrow()) as ChainHead;
  head.last_event_id = Number(head.last_event_id);
  head.keyed_from = head.keyed_from === null ? null : Number(head.keyed_from);
  const key = auditKey();
  if (head.keyed_from !== null || !key) return head;
  // A partitioned chain's newest events are not at its head: the caller names where keying starts.
  const from = sealFrom ? await sealFrom() : head.last_event_id + 1;
  const mac = sealMac(spec.name, from, key);
  await anyDb(trx).updateTable(spec.head).set({ keyed_from: from, keyed_mac: mac }).where('id', '=', 1).execute();
  return { ...head, keyed_from: from, keyed_mac: mac };
}

/** Appends one row; must run inside the caller's transaction. */
export async function appendLink(
  trx: Db,
  spec: ChainSpec,
  row: Record<string, unknown>,
): Promise<{ id: number; hash: string }> {
  const head = await lockChainHead(trx, spec);
  const stored = { ...row, prev_hash: head.last_hash };
  const inserted = await anyDb(trx)
    .insertInto(spec.events)
    .values({ ...stored, hash: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  const hash = linkDigest(spec.fields({ id, ...stored }), linkKey(head, id));
  await anyDb(trx).updateTable(spec.events).set({ hash }).where('id', '=', id).execute();
  await anyDb(trx).updateTable(spec.head).set({ last_event_id: id, last_hash: hash }).where('id', '=', 1).execute();
  return { id, hash };
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first broken row (null when the break is at the head) and what is wrong. */
  broken: { row: Record<string, any> | null; reason: 'content_changed' | 'link_broken' | 'head_mismatch' } | null;
  message: string | null;
  /** Where the walk ended: what a checkpoint records. */
  lastId: number;
  lastHash: string;
  keyedFrom: number | null;
}

const equalMac = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Walks the chain in id order, in pages, and reports the first broken link. */
export async function verifyLinks(db: Db, spec: ChainSpec, pageSize = 5000): Promise<ChainVerdict> {
  const head = (await anyDb(db).selectFrom(spec.head).selectAll().where('id', '=', 1).executeTakeFirst()) as
    | ChainHead
    | undefined;
  const keyedFrom = head?.keyed_from == null ? null : Number(head.keyed_from);
  const partitionedFrom = spec.partitions && head?.partitioned_from != null ? Number(head.partitioned_from) : null;
  let prev = 'genesis';
  let lastId = 0;
  let checked = 0;
  const verdict = (broken: ChainVerdict['broken'], message: string | null): ChainVerdict => ({
    ok: broken === null,
    checked,
    broken,
    message,
    lastId,
    lastHash: prev,
    keyedFrom,
  });
  if (keyedFrom !== null) {
    const key = auditKey();
    if (!key) return verdict({ row: null, reason: 'head_mismatch' }, `the ${spec.name} chain is keyed but no key`);
    if (!equalMac(head?.keyed_mac ?? '', sealMac(spec.name, keyedFrom, key)))
      return verdict(
        { row: null, reason: 'head_mismatch' },
        `the ${spec.name} chain's keyed start (event ${keyedFrom}) was moved or its key is not this one`,
      );
  }
  for (;;) {
    const rows = await anyDb(db)
      .selectFrom(spec.events)
      .selectAll()
      .where('id', '>', lastId)
      .$if(partitionedFrom !== null, (q: any) => q.where('id', '<', partitionedFrom))
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev)
        return verdict(
          { row, reason: 'link_broken' },
          `${spec.name} event ${row.id} does not link to the event before it (an event was deleted or altered)`,
        );
      if (!equalMac(linkDigest(spec.fields(row), linkKey({ keyed_from: keyedFrom }, row.id)), row.hash))
        return verdict(
          { row, reason: 'content_changed' },
          `${spec.name} event ${row.id} was changed after it was written`,
        );
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  if (!head || head.last_hash !== prev || Number(head.last_event_id) !== lastId)
    return verdict(
      { row: null, reason: 'head_mismatch' },
      `the ${spec.name} chain ends at event ${lastId} but the recorded head is event ${head?.last_event_id} ` +
        '(events were removed from the end)',
    );
  if (partitionedFrom === null || !spec.partitions) return verdict(null, null);
  const p = await spec.partitions(db, { from: partitionedFrom, keyedFrom, pageSize });
  checked += p.checked;
  if (p.lastId > lastId) [lastId, prev] = [p.lastId, p.lastHash];
  return verdict(p.broken, p.message);
}
