import { linkKey } from '../audit/chain.js';
import { eventHash } from '../audit/hash.js';
import type { BulkProblem, PlannedBatch } from './bulk-plan.js';

/**
 * Where numbering continues: the next ids, the chain head and the code counters. The worker
 * numbers a batch from the state it expects; the writer compares that with the database inside
 * its transaction and asks for a renumbering when something else wrote in between.
 */
export interface NumberingStart {
  firstProblemId: number;
  firstEventId: number;
  lastEventId: number;
  lastHash: string;
  /** The item chain's keyed start (audit_head.keyed_from): events from it on are HMAC-linked. */
  keyedFrom: number | null;
  /** Code scope ('JZ-2026') → last number handed out. */
  sequences: Record<string, number>;
}

/** A batch ready to store: rows as arrays in PROBLEM_COLUMNS / EVENT_COLUMNS order. */
export interface FinalBatch {
  start: NumberingStart;
  end: NumberingStart;
  problems: unknown[][];
  events: unknown[][];
  coDepartments: number[][];
  tags: number[][];
  /** audit_item_heads rows: [problem_id, last_event_id, last_hash] of each item with events. */
  heads: unknown[][];
}

export const PROBLEM_COLUMNS = [
  'id',
  'code',
  'title',
  'description',
  'category_id',
  'source_id',
  'area_id',
  'address',
  'lat',
  'lng',
  'urgency',
  'is_public',
  'anonymous',
  'reporter_name',
  'reporter_phone',
  'reporter_email',
  'tracking_token_hash',
  'status',
  'measures',
  'lead_department_id',
  'responsible_person',
  'owner_leader_id',
  'deadline',
  'checkpoint_date',
  'progress_percent',
  'redo_count',
  'report_count',
  'merged_into_id',
  'parent_id',
  'satisfaction',
  'assigned_at',
  'signed_at',
  'rectified_at',
  'closed_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export const EVENT_COLUMNS = [
  'id',
  'problem_id',
  'action',
  'actor_id',
  'actor_name',
  'role',
  'from_state',
  'to_state',
  'payload',
  'reason',
  'is_public',
  'created_at',
  'prev_hash',
  'hash',
] as const;

export function sameStart(a: NumberingStart, b: NumberingStart): boolean {
  const seq = (s: Record<string, number>) => JSON.stringify(Object.entries(s).sort(([x], [y]) => (x < y ? -1 : 1)));
  return (
    a.firstProblemId === b.firstProblemId &&
    a.firstEventId === b.firstEventId &&
    a.lastEventId === b.lastEventId &&
    a.lastHash === b.lastHash &&
    a.keyedFrom === b.keyedFrom &&
    seq(a.sequences) === seq(b.sequences)
  );
}

/**
 * Hands out ids and codes and links each new item's events exactly as appendEvent would (per item,
 * the chain is partitioned: src/audit/item-partitions.ts), so `qingdan audit verify` accepts them.
 * The single chain's head is not moved.
 */
export function finalizeBatch(
  batch: PlannedBatch,
  start: NumberingStart,
  prefix: string,
  key: Buffer | null,
): FinalBatch {
  const sequences = { ...start.sequences };
  const ids = batch.items.map((_, i) => start.firstProblemId + i);
  const codes = batch.items.map((it) => {
    // Codes carry the UTC year of creation, as the service's codes do.
    const scope = `${prefix}-${it.row.created_at.slice(0, 4)}`;
    sequences[scope] = (sequences[scope] ?? 0) + 1;
    return `${scope}-${String(sequences[scope]).padStart(6, '0')}`;
  });
  const problems = batch.items.map((it, i) => {
    const row: BulkProblem & { id: number; code: string } = { ...it.row, id: ids[i], code: codes[i] };
    if (it.mergedInto !== null) row.merged_into_id = ids[it.mergedInto];
    return PROBLEM_COLUMNS.map((c) => row[c]);
  });
  const last = new Map<number, [number, string]>();
  let id = start.firstEventId - 1;
  const events = batch.events.map((e) => {
    id++;
    if (e.codeRef) e.payload[e.codeRef.field] = codes[e.codeRef.item];
    const row = {
      id,
      problem_id: ids[e.item],
      action: e.action,
      actor_id: e.actor_id,
      actor_name: e.actor_name,
      role: e.role,
      from_state: e.from_state,
      to_state: e.to_state,
      payload: JSON.stringify(e.payload),
      reason: e.reason,
      is_public: e.is_public,
      created_at: e.created_at,
      prev_hash: last.get(e.item)?.[1] ?? 'genesis',
      hash: '',
    };
    row.hash = eventHash(row, linkKey({ keyed_from: start.keyedFrom }, id, key));
    last.set(e.item, [id, row.hash]);
    return EVENT_COLUMNS.map((c) => row[c]);
  });
  const end: NumberingStart = {
    firstProblemId: start.firstProblemId + ids.length,
    firstEventId: id + 1,
    lastEventId: start.lastEventId,
    lastHash: start.lastHash,
    keyedFrom: start.keyedFrom,
    sequences,
  };
  return {
    start,
    end,
    problems,
    events,
    coDepartments: batch.coDepartments.map(([i, d]) => [ids[i], d]),
    tags: batch.tags.map(([i, t]) => [ids[i], t]),
    heads: [...last].map(([item, [eventId, hash]]) => [ids[item], eventId, hash]),
  };
}
