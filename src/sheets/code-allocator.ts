/**
 * Item codes for a bulk import: numbers are reserved from code_sequences in blocks (one write per
 * 500 items instead of one per item) and the unused rest handed back before commit. Codes taken
 * from the sheet itself are skipped and keep later numbers above them. Only for use inside one
 * transaction, which holds the sequence row (PostgreSQL) or the write lock (SQLite) until commit.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

const BLOCK = 500;

export class CodeAllocator {
  private next = 1;
  private end = 0;
  /** Highest number ever reserved or claimed in the scope during this run. */
  private high = 0;
  private claimed = new Set<number>();
  constructor(
    private prefix: string,
    private year: string,
  ) {}

  private get scope() {
    return `${this.prefix}-${this.year}`;
  }
  private format(n: number) {
    return `${this.scope}-${String(n).padStart(6, '0')}`;
  }

  async take(trx: Db): Promise<string> {
    for (;;) {
      if (this.next > this.end) {
        const r = await trx
          .insertInto('code_sequences')
          .values({ scope: this.scope, last_value: BLOCK })
          .onConflict((oc) =>
            oc.column('scope').doUpdateSet({ last_value: sql<number>`code_sequences.last_value + ${BLOCK}` }),
          )
          .returning('last_value')
          .executeTakeFirstOrThrow();
        this.end = Number(r.last_value);
        this.next = this.end - BLOCK + 1;
        this.high = Math.max(this.high, this.end);
      }
      const n = this.next++;
      if (!this.claimed.has(n)) return this.format(n);
    }
  }

  /** A code from the sheet: its number is never handed out, and the sequence continues after it. */
  async claim(trx: Db, code: string): Promise<void> {
    const m = /^([A-Z]{1,8}-\d{4})-(\d+)$/.exec(code);
    if (!m) return;
    const n = Number(m[2]);
    if (m[1] === this.scope) this.claimed.add(n);
    await trx
      .insertInto('code_sequences')
      .values({ scope: m[1], last_value: n })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet({
          last_value: sql<number>`case when code_sequences.last_value < ${n} then ${n}
            else code_sequences.last_value end`,
        }),
      )
      .execute();
    if (m[1] === this.scope) this.high = Math.max(this.high, n);
  }

  /** Hands back reserved numbers nobody used, so the next item continues the run without a gap. */
  async finish(trx: Db): Promise<void> {
    if (this.end === 0) return;
    const used = Math.max(this.next - 1, ...[...this.claimed].filter((n) => n > this.next - 1));
    if (used < this.high)
      await trx.updateTable('code_sequences').set({ last_value: used }).where('scope', '=', this.scope).execute();
  }
}
