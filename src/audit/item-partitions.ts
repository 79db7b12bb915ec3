import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import { auditKey } from './audit-key.js';
import { linkKey, lockChainHead, type ChainSpec } from './chain.js';
import { linkDigest } from './hash.js';

/**
 * The item chain, partitioned per item (migration 20261207T0510): from `audit_head.partitioned_from`
 * on, an event links to its item's previous event (the first one to the item's last older event, or
 * 'genesis'), and `audit_item_heads` keeps each item's last link. An append locks only its item's
 * head row, so writes to different items never wait for each other; writes to one item still queue.
 * Older events keep their single chain and verify as they always did.
 */
export interface AuditItemHeadTable {
  problem_id: number;
  last_event_id: number;
  last_hash: string;
}

declare module '../db/schema.js' {
  interface Database {
    audit_item_heads: AuditItemHeadTable;
  }
}

interface Boundary {
  keyed_from: number | null;
  partitioned_from: number;
}

/** The chain's boundaries, read without a lock: both are set once. Null: not partitioned (older schema). */
async function boundary(trx: Db, spec: ChainSpec): Promise<Boundary | null> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['keyed_from', 'partitioned_from'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head?.partitioned_from == null) return null;
  const b = {
    keyed_from: head.keyed_from == null ? null : Number(head.keyed_from),
    partitioned_from: Number(head.partitioned_from),
  };
  if (b.keyed_from !== null || !auditKey()) return b;
  // First write with a key: seal under the head's lock (once), from past every event written so far.
  const sealed = await lockChainHead(trx, spec, async () => {
    const max = await trx
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst();
    return Number(max?.m ?? 0) + 1;
  });
  return { ...b, keyed_from: sealed.keyed_from };
}

/**
 * Takes an item's head row until the transaction ends (made here for an item without one): what
 * serialises writes to one item's chain. Writers that lock other rows of the item take this first.
 */
export async function lockItemHead(trx: Db, problemId: number) {
  return trx
    .insertInto('audit_item_heads')
    .values({ problem_id: problemId, last_event_id: 0, last_hash: '' })
    .onConflict((oc) =>
      oc.column('problem_id').doUpdateSet((eb) => ({ last_event_id: eb.ref('audit_item_heads.last_event_id') })),
    )
    .returning(['last_event_id', 'last_hash'])
    .executeTakeFirstOrThrow();
}

/**
 * The hash an item's next event links to: its head's, or for the item's first event since the
 * partitioning, its last older event's ('genesis' for a new item).
 */
async function linkFrom(trx: Db, problemId: number, head: { last_event_id: number | string; last_hash: string }) {
  if (Number(head.last_event_id) !== 0) return head.last_hash;
  const older = await trx
    .selectFrom('events')
    .select('hash')
    .where('problem_id', '=', problemId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return older?.hash ?? 'genesis';
}

/** Appends one item event in the caller's transaction; null when the chain is not partitioned. */
export async function appendItemLink(
  trx: Db,
  spec: ChainSpec,
  row: Record<string, unknown> & { problem_id: number },
): Promise<{ id: number; hash: string } | null> {
  const b = await boundary(trx, spec);
  if (!b) return null;
  const head = await lockItemHead(trx, row.problem_id);
  const stored = { ...row, prev_hash: await linkFrom(trx, row.problem_id, head) };
  const db = trx as unknown as Kysely<any>;
  const inserted = await db
    .insertInto(spec.events)
    .values({ ...stored, hash: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  const hash = linkDigest(spec.fields({ id, ...stored }), linkKey(b, id));
  await db.updateTable(spec.events).set({ hash }).where('id', '=', id).execute();
  await trx
    .updateTable('audit_item_heads')
    .set({ last_event_id: id, last_hash: hash })
    .where('problem_id', '=', row.problem_id)
    .execute();
  return { id, hash };
}

/**
 * Takes the head rows of several items at once, in item order (the order every writer takes them
 * in, so two batches never wait on each other in a cycle): one upsert instead of one per item.
 */
export async function lockItemHeads(trx: Db, problemIds: number[]) {
  const ids = [...new Set(problemIds)].sort((a, b) => a - b);
  if (!ids.length) return new Map<number, { last_event_id: number; last_hash: string }>();
  const rows = await trx
    .insertInto('audit_item_heads')
    .values(ids.map((problem_id) => ({ problem_id, last_event_id: 0, last_hash: '' })))
    .onConflict((oc) =>
      oc.column('problem_id').doUpdateSet((eb) => ({ last_event_id: eb.ref('audit_item_heads.last_event_id') })),
    )
    .returning(['problem_id', 'last_event_id', 'last_hash'])
    .execute();
  return new Map(
    rows.map((r) => [Number(r.problem_id), { last_event_id: Number(r.last_event_id), last_hash: r.last_hash }]),
  );
}

/**
 * appendItemLink for many items, one event each, in a few statements (the warnings pass writes
 * thousands after a bulk load): the heads in one upsert, the events in one insert, their hashes and
 * the heads in one update each. The links are those appendItemLink would make. Null when the chain
 * is not partitioned (older schema).
 */
export async function appendItemLinks(
  trx: Db,
  spec: ChainSpec,
  rows: (Record<string, unknown> & { problem_id: number })[],
): Promise<{ id: number; hash: string }[] | null> {
  if (new Set(rows.map((r) => r.problem_id)).size !== rows.length) throw new Error('one event per item');
  if (!rows.length) return [];
  const b = await boundary(trx, spec);
  if (!b) return null;
  const heads = await lockItemHeads(
    trx,
    rows.map((r) => r.problem_id),
  );
  const stored = await Promise.all(
    rows.map(async (row) => ({ ...row, prev_hash: await linkFrom(trx, row.problem_id, heads.get(row.problem_id)!) })),
  );
  const db = trx as unknown as Kysely<any>;
  const inserted = await db
    .insertInto(spec.events)
    .values(stored.map((s) => ({ ...s, hash: 'pending' })))
    .returning(['id', 'problem_id'])
    .execute();
  const idOf = new Map(inserted.map((r) => [Number(r.problem_id), Number(r.id)]));
  const links = stored.map((s) => {
    const id = idOf.get(s.problem_id)!;
    return { problemId: s.problem_id, id, hash: linkDigest(spec.fields({ id, ...s }), linkKey(b, id)) };
  });
  const values = sql.join(
    links.map((l) => sql`(CAST(${l.id} AS INTEGER), CAST(${l.problemId} AS INTEGER), ${l.hash})`),
  );
  await sql`WITH v(id, pid, hash) AS (VALUES ${values})
    UPDATE ${sql.table(spec.events)} SET hash = v.hash FROM v WHERE ${sql.ref(`${spec.events}.id`)} = v.id`.execute(
    trx,
  );
  await sql`WITH v(id, pid, hash) AS (VALUES ${values})
    UPDATE audit_item_heads SET last_event_id = v.id, last_hash = v.hash FROM v
    WHERE audit_item_heads.problem_id = v.pid`.execute(trx);
  return links.map(({ id, hash }) => ({ id, hash }));
}
