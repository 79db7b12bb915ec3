import os from 'node:os';
import crypto from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import { AppError } from '../errors.js';
import { claimLease, releaseLease } from './lease.js';
import { LeaseKeeper, LeaseLostError } from './lease-keeper.js';

export interface Job {
  name: string;
  description: string;
  /** The schedule period `now` falls in ('2026-11-02' for a daily job); one run per period. */
  slot(now: Date): string;
  /** A long run calls `lease.keep()` between steps: it renews the lease, and throws if it was lost. */
  run(now: Date, lease?: LeaseKeeper): Promise<Record<string, unknown>>;
}

export type RunOutcome =
  | { ran: true; runId: number; result: Record<string, unknown> }
  | { ran: false; reason: 'lease_held' | 'slot_done' };

/**
 * A crashed instance's lease expires after this and the next tick takes over (its period included);
 * a longer run renews it (LeaseKeeper).
 */
const LEASE_MS = 10 * 60_000;

export const instanceHolder = () => `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

/** Runs jobs under the database lease and records each run in job_runs. */
export class JobRunner {
  /** The lease's time-to-live; tests shorten it. */
  leaseMs = LEASE_MS;

  /** `jobs`: every feature's jobs, as the kernel composes them (src/kernel.ts). */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly jobs: readonly Job[],
    readonly holder: string = instanceHolder(),
  ) {}

  list(): Job[] {
    return [...this.jobs];
  }

  get(name: string): Job {
    const job = this.jobs.find((j) => j.name === name);
    if (!job)
      throw new AppError('not_found', `no job named "${name}"`, {
        what: 'job',
        key: name,
        known: this.jobs.map((j) => j.name),
      });
    return job;
  }

  /**
   * `scheduled` runs claim the current period and do nothing if it already ran; a manual run
   * (`qingdan jobs run`) only waits for no one else to be running. Jobs are idempotent either way.
   */
  async run(name: string, opts: { scheduled?: boolean } = {}): Promise<RunOutcome> {
    const job = this.get(name);
    const now = this.clock();
    const slot = opts.scheduled ? job.slot(now) : null;
    const claimed = await claimLease(this.db, name, this.holder, now, this.leaseMs, slot);
    if (!claimed) {
      if (!slot) return { ran: false, reason: 'lease_held' };
      const lease = await this.db.selectFrom('job_leases').select('slot').where('name', '=', name).executeTakeFirst();
      return { ran: false, reason: lease && lease.slot >= slot ? 'slot_done' : 'lease_held' };
    }
    // A run still 'running' under a lease that could be claimed is one whose instance died.
    await this.db
      .updateTable('job_runs')
      .set({ status: 'abandoned', finished_at: now.toISOString() })
      .where('name', '=', name)
      .where('status', '=', 'running')
      .execute();
    const runId = (
      await this.db
        .insertInto('job_runs')
        .values({
          name,
          holder: this.holder,
          slot,
          status: 'running',
          result: null,
          started_at: now.toISOString(),
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const lease = new LeaseKeeper(
      this.db,
      name,
      this.holder,
      this.clock,
      this.leaseMs,
      new Date(now.getTime() + this.leaseMs),
    );
    let lost = false;
    try {
      const result = await job.run(now, lease);
      await this.finish(runId, 'ok', { ...result, ...(lease.renewals && { leaseRenewals: lease.renewals }) });
      return { ran: true, runId, result };
    } catch (err) {
      // A run that lost its lease leaves the period to the run that took it over.
      lost = err instanceof LeaseLostError;
      await this.finish(runId, lost ? 'lost' : 'failed', { error: (err as Error).message ?? String(err) });
      throw err;
    } finally {
      // A failed run, like a finished one, has had its period; only a crash leaves it to be run again.
      if (!lost) await releaseLease(this.db, name, this.holder, slot);
    }
  }

  private async finish(id: number, status: string, result: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('job_runs')
      .set({ status, result: JSON.stringify(result), finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async recentRuns(limit = 50) {
    return this.db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }
}
