import crypto from 'node:crypto';

import type { Selectable } from 'kysely';
import type { EventTable } from '../db/schema.js';

/** The fields an event's hash covers: everything but its own hash. */
export type HashedEventFields = Omit<Selectable<EventTable>, 'hash'>;

// A fixed field order keeps the hash independent of how a driver orders columns.
export function eventHash(e: HashedEventFields): string {
  const canonical = JSON.stringify([
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
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}
