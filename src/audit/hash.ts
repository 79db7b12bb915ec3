import crypto from 'node:crypto';

import type { Selectable } from 'kysely';
import type { EventTable } from '../db/schema.js';

/** The fields an event's hash covers: everything but its own hash. */
export type HashedEventFields = Omit<Selectable<EventTable>, 'hash'>;

/**
 * One link of a chain: the canonical JSON of its fields, hashed. With a key it is an HMAC, which
 * nobody without the key can recompute after editing a row; without one (events written before a
 * key existed) plain SHA-256, kept so those rows still verify.
 */
export function linkDigest(fields: readonly unknown[], key: Buffer | null): string {
  const canonical = JSON.stringify(fields);
  return key
    ? crypto.createHmac('sha256', key).update(canonical).digest('hex')
    : crypto.createHash('sha256').update(canonical).digest('hex');
}

// A fixed field order keeps the hash independent of how a driver orders columns.
export function eventFields(e: HashedEventFields): unknown[] {
  return [
    e.id,
    e.problem_id,
    e.action,
    e.actor_id,
    e.actor_name,
    e.role,
    e.from_state,
    e.to_state,
    e.payload,
    e.reason,
    Number(e.is_public),
    e.created_at,
    e.prev_hash,
  ];
}

export function eventHash(e: HashedEventFields, key: Buffer | null): string {
  return linkDigest(eventFields(e), key);
}

/** The MAC that pins where a chain's keyed part starts, so the boundary cannot be moved. */
export function sealMac(chain: string, keyedFrom: number, key: Buffer): string {
  return crypto.createHmac('sha256', key).update(`${chain}:keyed-from:${keyedFrom}`).digest('hex');
}
