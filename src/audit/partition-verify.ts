import crypto from 'node:crypto';
import { linkKey, type ChainVerdict, type PartitionVerifier } from './chain.js';
import { eventFields, linkDigest } from './hash.js';
import { verifyCheckpoints } from './partition-checkpoints.js';

type Broken = NonNullable<ChainVerdict['broken']>;

const equalMac = (a: string, b: string) =>
  a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Walks the events in (item, id) order: the older ones only seed each item's previous link, the
 * partitioned ones are checked against it and against their content, and each item's last link
 * against its row in audit_item_heads (a deleted last event shows there). Every break is found; the
 * one reported is the lowest event id, as the single chain's walk would name it.
 */
export const verifyItemPartitions: PartitionVerifier = async (db, { from, keyedFrom, pageSize }) => {
  let checked = 0;
  let lastId = 0;
  let lastHash = 'genesis';
  let broken: Broken | null = null;
  let message: string | null = null;
  const fail = (b: Broken, m: string) => {
    const id = b.row?.id ?? Number.POSITIVE_INFINITY;
    if (!broken || id < (broken.row?.id ?? Number.POSITIVE_INFINITY)) [broken, message] = [b, m];
  };
  let item = null as { id: number; last: string | null; lastId: number; partitioned: boolean } | null;
  let heads = new Map<number, { last_event_id: number; last_hash: string }>();
  let matched = 0;
  const finish = () => {
    if (!item?.partitioned) return;
    const h = heads.get(item.id);
    if (h && Number(h.last_event_id) === item.lastId && h.last_hash === item.last) matched++;
    else
      fail(
        { row: null, reason: 'head_mismatch' },
        `the chain of item ${item.id} ends at event ${item.lastId} but its recorded head is event ` +
          `${h?.last_event_id ?? 'missing'} (events were removed from the end)`,
      );
  };
  let after = { problemId: -1, id: 0 };
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('problem_id', '>', after.problemId),
          eb.and([eb('problem_id', '=', after.problemId), eb('id', '>', after.id)]),
        ]),
      )
      .orderBy('problem_id')
      .orderBy('id')
      .limit(pageSize)
      .execute();
    const ids = [...new Set(rows.map((r) => r.problem_id))];
    const more = ids.length
      ? await db.selectFrom('audit_item_heads').selectAll().where('problem_id', 'in', ids).execute()
      : [];
    heads = new Map([
      ...(item ? [[item.id, heads.get(item.id)!] as const] : []),
      ...more.map((h) => [h.problem_id, h] as const),
    ]);
    for (const row of rows) {
      if (row.problem_id !== item?.id) {
        finish();
        item = { id: row.problem_id, last: null, lastId: 0, partitioned: false };
      }
      if (row.id >= from) {
        if (row.prev_hash !== (item.last ?? 'genesis'))
          fail(
            { row, reason: 'link_broken' },
            `audit event ${row.id} does not link to the event before it on item ${row.problem_id} ` +
              '(an event was deleted or altered)',
          );
        else if (!equalMac(linkDigest(eventFields(row), linkKey({ keyed_from: keyedFrom }, row.id)), row.hash))
          fail({ row, reason: 'content_changed' }, `audit event ${row.id} was changed after it was written`);
        checked++;
        item.partitioned = true;
        if (row.id > lastId) [lastId, lastHash] = [row.id, row.hash];
      }
      item.last = row.hash;
      item.lastId = row.id;
    }
    if (rows.length < pageSize) break;
    after = { problemId: rows.at(-1)!.problem_id, id: rows.at(-1)!.id };
  }
  finish();
  const total = await db
    .selectFrom('audit_item_heads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_event_id', '>', 0) // 0: taken by a writer that then wrote nothing
    .executeTakeFirstOrThrow();
  if (Number(total.n) !== matched && !broken)
    fail(
      { row: null, reason: 'head_mismatch' },
      `${Number(total.n) - matched} item heads name events that are gone (events were removed from the end)`,
    );
  const checkpoint = await verifyCheckpoints(db);
  if (checkpoint) fail({ row: null, reason: 'head_mismatch' }, checkpoint);
  return { checked, lastId, lastHash, broken, message };
};
