import {
  sql,
  type CreateTableBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type Transaction,
} from 'kysely';

/**
 * The differences between SQLite and PostgreSQL, as a value. `createDb` returns the database with
 * its dialect, and feature code asks the dialect's named helpers instead of branching on the engine.
 * Full-text search has one module per dialect next to it (src/search/full-text-*.ts); migrations,
 * written once for both, use the helpers at the end of this file.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  readonly name: DialectName;
  /**
   * Locks the rows a select reads until the transaction ends. SQLite has one writer at a time, so
   * a write transaction is serialised already and the select stays as it is.
   */
  forUpdate<Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q;
  /** A suffix for a subquery that claims rows several instances may race for (a work queue). */
  readonly claimRows: RawBuilder<unknown>;
  /**
   * Takes these tables for the rest of the transaction so that no other writer appends meanwhile;
   * with `nowait`, answers false instead of waiting when a writer holds them.
   */
  lockTables(trx: Transaction<any>, tables: string[], opts?: { nowait?: boolean }): Promise<boolean>;
  /**
   * A column the planner may filter on but not seek by. SQLite seeks by a filter's index and sorts
   * everything it finds (250 ms against 1 ms at 100,000 items), so the list planner hides filters
   * it did not choose; PostgreSQL weighs LIMIT in its own plans and keeps the plain column.
   */
  filterOnlyColumn(column: string): RawBuilder<unknown>;
  /** Whether the list planner chooses which filter index to seek (src/problems/list-index-plan.ts). */
  readonly steersFilterIndexes: boolean;
  /** Whether the engine misplans only a date range's first page sorted by something else. */
  readonly misplansOnlyFirstDatedPage: boolean;
  /**
   * Whether item numbers are drawn before the item's transaction, like a sequence (PostgreSQL): the
   * counter row is then locked for one autocommitted statement instead of a whole create, so
   * concurrent creates do not queue on it; a create that fails afterwards leaves a gap in the
   * numbers. SQLite has one writer anyway and draws in the transaction: no gaps.
   */
  readonly drawsCodesOutsideTransaction: boolean;
}

const sqliteDialect: Dialect = {
  name: 'sqlite',
  forUpdate: (query) => query,
  claimRows: sql``,
  lockTables: async () => true,
  filterOnlyColumn: (column) => sql`+${sql.ref(column)}`,
  steersFilterIndexes: true,
  misplansOnlyFirstDatedPage: false,
  drawsCodesOutsideTransaction: false,
};

const postgresDialect: Dialect = {
  name: 'postgres',
  forUpdate: (query) => query.forUpdate() as typeof query,
  claimRows: sql` for update skip locked`,
  async lockTables(trx, tables, opts = {}) {
    const list = sql.join(tables.map((t) => sql.table(t)));
    try {
      await sql`lock table ${list} in exclusive mode${opts.nowait ? sql` nowait` : sql``}`.execute(trx);
      return true;
    } catch (err) {
      // 55P03: lock_not_available.
      if (opts.nowait && (err as { code?: string }).code === '55P03') return false;
      throw err;
    }
  },
  filterOnlyColumn: (column) => sql`${sql.ref(column)}`,
  steersFilterIndexes: false,
  misplansOnlyFirstDatedPage: true,
  drawsCodesOutsideTransaction: true,
};

export const DIALECTS: Record<DialectName, Dialect> = { sqlite: sqliteDialect, postgres: postgresDialect };

/** For a database opened elsewhere (a test's, a migration's): which engine its adapter speaks. */
export function detectDialect(db: Kysely<any>): Dialect {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? postgresDialect : sqliteDialect;
}

/** Which integrity rule a driver error broke, in either dialect; null when it is another error. */
export function constraintViolation(err: unknown): 'unique' | 'foreign_key' | 'not_null' | 'check' | null {
  const e = err as { code?: string; message?: string };
  switch (e?.code) {
    case '23505':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'unique';
    case '23503':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'foreign_key';
    case '23502':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return 'not_null';
    case '23514':
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'check';
    default:
      return null;
  }
}

// ---- For migrations (they receive a bare Kysely) -------------------------------------------

export const isPostgres = (db: Kysely<any>) => detectDialect(db).name === 'postgres';

/** An auto-increment integer primary key named `id`. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, any>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Floating point that keeps full double precision in both dialects. */
export const DOUBLE = sql`double precision`;
