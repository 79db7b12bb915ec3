import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL lives here, so feature code and migrations are
 * written once for both.
 */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: Kysely<any>) => dialectOf(db) === 'postgres';

/** An auto-increment integer primary key named `id`. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, any>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Floating point that keeps full double precision in both dialects. */
export const DOUBLE = sql`double precision`;

export const notNullDefault =
  (value: unknown) =>
  (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    c.notNull().defaultTo(value);

/** Case-insensitive substring match. */
export function ilike(db: Kysely<any>): 'ilike' | 'like' {
  return isPostgres(db) ? 'ilike' : 'like';
}

/** Integer division of a text ISO date difference is not portable; compute days in JS instead. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

/** `substr(col, 1, n)` works in both dialects. */
export function prefixOf(column: string, length: number): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, ${length})`;
}

/** Which integrity rule a driver error broke, in either dialect; null when it is another error. */
export function constraintViolation(err: unknown): 'unique' | 'foreign_key' | 'not_null' | 'check' | null {
  const e = err as { code?: string; message?: string };
  switch (e?.code) {
    case '23505': case 'SQLITE_CONSTRAINT_UNIQUE': case 'SQLITE_CONSTRAINT_PRIMARYKEY': return 'unique';
    case '23503': case 'SQLITE_CONSTRAINT_FOREIGNKEY': return 'foreign_key';
    case '23502': case 'SQLITE_CONSTRAINT_NOTNULL': return 'not_null';
    case '23514': case 'SQLITE_CONSTRAINT_CHECK': return 'check';
    default: return null;
  }
}
