import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Dialect } from '../db/dialect.js';
import { auditKey } from './audit-key.js';
import { linkDigest } from './hash.js';

/**
 * Checkpoints chaining the item chain's partitions (migration 20261207T0510): each row digests,
 * for every item with events since the row before it, that item's last event id and link up to
 * `upto_event_id`, and links to the row before it. Deleting an item's whole recent history, or its
 * head row with its last events, then changes a digest. Taken every ten minutes by a job; events
 * after the newest checkpoint are held by the item heads alone, as the single head held them before.
 */
export interface AuditCheckpointTable {
  id: import('kysely').Generated<number>;
  upto_event_id: number;
  items: number;
  prev_hash: string;
  hash: string;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    audit_checkpoints: AuditCheckpointTable;
  }
}

async function digestSince(db: Db, after: number, upto: number, prev: string, keyedFrom: number | null) {
  const heads = await db
    .selectFrom('events as e')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('events')
          .select(['problem_id', (x) => x.fn.max('id').as('id')])
          .where('id', '>', after)
          .where('id', '<=', upto)
          .groupBy('problem_id')
          .as('m'),
      (j) => j.onRef('m.id', '=', 'e.id'),
    )
    .select(['e.problem_id', 'e.id', 'e.hash'])
    .orderBy('e.problem_id')
    .execute();
  const list = heads.map((h) => [h.problem_id, Number(h.id), h.hash]);
  // Keyed like the events it covers: a checkpoint taken before the chain was keyed stays plain.
  const keyed = keyedFrom !== null && upto >= keyedFrom;
  return { items: list.length, hash: linkDigest([prev, upto, list], keyed ? auditKey() : null) };
}

async function start(db: Db) {
  const head = await db.selectFrom('audit_head').select(['partitioned_from', 'keyed_from']).executeTakeFirst();
  return {
    from: Number(head?.partitioned_from ?? 1),
    keyedFrom: head?.keyed_from == null ? null : Number(head.keyed_from),
  };
}

/** Takes a checkpoint of everything written so far; null when nothing new was written. */
export async function takeCheckpoint(db: Db, dialect: Dialect, now: string) {
  return db.transaction().execute(async (trx) => {
    // Waits for event writers in flight and holds new ones for the moment this takes, so no event
    // with a lower id commits after the checkpoint that covers its id (SQLite: one writer anyway).
    await dialect.lockTables(trx, ['events']);
    const { from, keyedFrom } = await start(trx);
    const last = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').executeTakeFirst();
    const after = last ? Number(last.upto_event_id) : from - 1;
    const max = await trx.selectFrom('events').select(sql<number>`max(id)`.as('m')).executeTakeFirst();
    const upto = Number(max?.m ?? 0);
    if (upto <= after) return null;
    const prev = last?.hash ?? 'genesis';
    const d = await digestSince(trx, after, upto, prev, keyedFrom);
    await trx
      .insertInto('audit_checkpoints')
      .values({ upto_event_id: upto, items: d.items, prev_hash: prev, hash: d.hash, created_at: now })
      .execute();
    return { upto, items: d.items };
  });
}

/** Recomputes every checkpoint from the events; the first that no longer holds, or null. */
export async function verifyCheckpoints(db: Db): Promise<string | null> {
  const { from, keyedFrom } = await start(db);
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
  let after = from - 1;
  let prev = 'genesis';
  for (const row of rows) {
    const d = await digestSince(db, after, Number(row.upto_event_id), prev, keyedFrom);
    if (row.prev_hash !== prev || row.hash !== d.hash)
      return (
        `audit checkpoint ${row.id} (events up to ${row.upto_event_id}) no longer holds: ` +
        'events it covers were removed or rewritten'
      );
    [after, prev] = [Number(row.upto_event_id), row.hash];
  }
  return null;
}
