import type { Db } from '../db/database.js';
import type { Clock } from '../shared/time.js';
import { renewLease } from './lease.js';

/** A run found its lease taken over (it expired and another claimant took it): it must stop. */
export class LeaseLostError extends Error {
  constructor(name: string) {
    super(`job ${name} lost its lease to another run; stopping`);
  }
}

/**
 * What a long job calls between its steps: past half its time-to-live the lease is renewed, and a
 * lease lost meanwhile throws LeaseLostError, so two instances never run one job side by side.
 */
export class LeaseKeeper {
  renewals = 0;

  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly holder: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private heldUntil: Date,
  ) {}

  async keep(): Promise<void> {
    const now = this.clock();
    if (this.heldUntil.getTime() - now.getTime() > this.ttlMs / 2) return;
    const until = new Date(now.getTime() + this.ttlMs);
    if (!(await renewLease(this.db, this.name, this.holder, this.heldUntil, until)))
      throw new LeaseLostError(this.name);
    this.heldUntil = until;
    this.renewals++;
  }
}
