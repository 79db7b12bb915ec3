import type { Expression, ExpressionBuilder, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Dialect, DialectName } from '../db/dialect.js';
import { sqliteFullText } from './full-text-sqlite.js';
import { postgresFullText } from './full-text-postgres.js';

/**
 * The full-text index `problem_search`, one module per dialect. SQLite: a contentless FTS5 table
 * keyed by rowid = problems.id (the text lives in `problems`; the index holds only terms, so it
 * costs a fraction of the text). PostgreSQL: a side table of weighted tsvectors with a GIN index.
 * Both receive terms already segmented by src/search (CJK bigrams), so neither engine's own word
 * splitting matters.
 */
export interface FullTextIndex {
  /** Replaces the documents of these items (written in one statement per call). */
  write(db: Kysely<any>, docs: FullTextDocument[]): Promise<void>;
  delete(db: Kysely<any>, ids: number[]): Promise<void>;
  /** Empties the index (before a rebuild). */
  clear(db: Kysely<any>): Promise<void>;
  /** After a bulk rebuild: merge segments / refresh planner statistics. */
  optimize(db: Kysely<any>): Promise<void>;
  /** One bounded step of segment merging; false when there was nothing left to merge. */
  mergeStep(db: Kysely<any>, pages: number): Promise<boolean>;
  /** Runs a rebuild of the whole index with settings for bulk writing, restored afterwards. */
  withBulk<T>(db: Kysely<any>, fn: () => Promise<T>): Promise<T>;
  /** Restores what a rebuild that died left out (run at start; a no-op otherwise). */
  ensure(db: Kysely<any>): Promise<void>;
  isEmpty(db: Kysely<any>): Promise<boolean>;
  /**
   * Matching item ids with a relevance score (higher is better). Walking the index newest-first
   * lets the engine stop after `limit` hits instead of scoring every match.
   */
  matches(db: Kysely<any>, q: FullTextQuery): Promise<Array<{ id: number; score: number }>>;
  /**
   * `problems.id` among every match, unbounded: a list sorted by date, a count or the statistics
   * of a text query then cover all matches, not only the ranked window `matches` returns.
   */
  matching(q: Pick<FullTextQuery, 'fts' | 'tsquery'>): RawBuilder<SqlBool>;
}

/** The three indexed fields, as space-separated terms (src/search/tokenize.ts toIndexString). */
export interface FullTextDocument {
  id: number;
  code: string;
  title: string;
  body: string;
}

export interface FullTextQuery {
  /** FTS5 MATCH expression. */
  fts: string;
  /** PostgreSQL to_tsquery('simple', …) text. */
  tsquery: string;
  /** At most this many matches, newest first: bounds the cost of a broad query on a huge list. */
  limit: number;
  /** Only matches with a smaller id (older): the next window of a broad query's matches. */
  before?: number;
  /**
   * 'relevance' returns the `limit` best-scored matches instead of the newest: every match is
   * scored, so only for selective queries or a bounded list (duplicate candidates).
   */
  order?: 'newest' | 'relevance';
  /** Restricts matches by columns of `problems`, joined only when given. */
  where?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
}

const FULL_TEXT: Record<DialectName, FullTextIndex> = { sqlite: sqliteFullText, postgres: postgresFullText };

export const fullTextFor = (dialect: Dialect): FullTextIndex => FULL_TEXT[dialect.name];
