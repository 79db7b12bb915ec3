import type { Db } from '../db/database.js';

/**
 * A job lease in the database, so that when several server instances share one PostgreSQL only
 * one runs a job at a time. Claiming is one atomic UPDATE … WHERE expires_at < now: PostgreSQL
 * re-checks the WHERE after a concurrent update commits, and SQLite serialises writers, so two
 * claimants can never both see the lease free. `slot` names the schedule period a run was for;
 * a scheduled claim also needs the slot to be newer, so a period runs once however the instances'
 * timers interleave. The slot is recorded when the run ends (releaseLease), not when it starts, so
 * a run that crashed leaves its period open and the next claim after its lease expires runs it again.
 */
export async function claimLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
  ttlMs: number,
  slot: string | null,
): Promise<boolean> {
  const nowIso = now.toISOString();
  await db
    .insertInto('job_leases')
    .values({ name, holder: '', expires_at: '1970-01-01T00:00:00.000Z', slot: '' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('name', '=', name)
    .where('expires_at', '<', nowIso)
    .$if(slot !== null, (q) => q.where('slot', '<', slot!))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Extends a held lease. Compare-and-set on the expiry this holder last wrote: if anyone claimed the
 * lease since (it had expired), the expiry differs and the renewal fails, even for the same holder.
 */
export async function renewLease(db: Db, name: string, holder: string, heldUntil: Date, until: Date): Promise<boolean> {
  const r = await db
    .updateTable('job_leases')
    .set({ expires_at: until.toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .where('expires_at', '=', heldUntil.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Gives the lease back early and, for a scheduled run, marks its period done; only the holder can,
 * so a run that outlived its lease cannot.
 */
export async function releaseLease(db: Db, name: string, holder: string, slot: string | null = null): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ expires_at: '1970-01-01T00:00:00.000Z', ...(slot !== null && { slot }) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
