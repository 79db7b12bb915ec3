/**
 * Full-text search over items: every write queues its item in the writing transaction (the
 * indexer, search-indexer.ts, indexes it shortly after), the `q` of the list endpoint, and
 * rebuilding the index.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import type { FullTextIndex } from './full-text.js';
import { filterExpr, type ListFilter, type Visibility } from '../problems/problem-list.repository.js';
import type { ProblemWrite, WriteBatch } from '../problems/problem-hooks.js';
import { loadDocuments } from './search-document.js';
import { enqueueForIndex } from './search-queue.js';
import { buildSearchQuery } from './search-query.js';

/**
 * Matches ranked together, newest first, per window. Keeps a two-character query on a million
 * items fast; a query that matches more is listed window by window (the next 1,000 older matches,
 * ranked, after these), so every match can be reached, and the list's total counts them all.
 */
export const SEARCH_CANDIDATES = 1000;

/** Writes that never change indexed text (code, title, description, address, measures, progress). */
const NO_TEXT_CHANGE = new Set([
  'accept',
  'reject',
  'merge',
  'duplicate_merged',
  'sign',
  'return',
  'rectify',
  'verify',
  'close',
  'reopen',
  'long_term',
  'note',
]);

export interface SearchOptions {
  publicOnly: boolean;
  /** The list's other filters and the caller's visibility: matches are counted only among them. */
  filter?: ListFilter;
  visibility?: Visibility;
  /** Only matches older than this id: the next window (see SEARCH_CANDIDATES). */
  before?: number;
}

function hasFilter(f: ListFilter | undefined): boolean {
  if (!f) return false;
  return Object.entries(f).some(
    ([k, v]) =>
      k !== 'matchedIds' &&
      k !== 'textLike' &&
      k !== 'textMatch' &&
      v !== undefined &&
      v !== null &&
      !(Array.isArray(v) && !v.length),
  );
}

/** Ids of items matching `q`, best first. Empty when the query has nothing searchable. */
export async function searchIds(
  db: Db,
  fullText: FullTextIndex,
  q: string,
  opts: SearchOptions,
  limit = SEARCH_CANDIDATES,
): Promise<number[]> {
  const query = buildSearchQuery(q);
  if (!query) return [];
  const visibility: Visibility = opts.visibility ?? (opts.publicOnly ? { kind: 'public' } : { kind: 'all' });
  const filter = { ...(opts.filter ?? {}), matchedIds: undefined, textLike: undefined, textMatch: undefined };
  const restrict = visibility.kind !== 'all' || hasFilter(filter);
  const hits = await fullText.matches(db, {
    ...query,
    limit,
    before: opts.before,
    where: restrict ? (eb) => filterExpr(eb as never, filter, visibility) : undefined,
  });
  // Newest wins a tie, as in the unsearched list.
  return hits.sort((a, b) => b.score - a.score || b.id - a.id).map((h) => h.id);
}

/** Every match of `q` as a condition on problems.id; nothing searchable matches nothing. */
export function searchMatch(fullText: FullTextIndex, q: string): () => RawBuilder<SqlBool> {
  const query = buildSearchQuery(q);
  return () => (query ? fullText.matching(query) : sql<SqlBool>`1 = 0`);
}

/** The hook's name: a batch (a sheet import) collects its items under it. */
export const SEARCH_QUEUE_HOOK = 'search.queue';

/**
 * Queues the item a write touched, inside the writing transaction: the queue row commits or rolls
 * back with the write, and the index itself is written by the indexer, never by the request. In a
 * batch, the item waits in the batch's set for queueBatch. True when something was queued.
 */
export async function indexAfterWrite(trx: Db, write: ProblemWrite): Promise<boolean> {
  if (NO_TEXT_CHANGE.has(write.action)) return false;
  if (write.batch) write.batch.ids(SEARCH_QUEUE_HOOK).add(write.problemId);
  else await enqueueForIndex(trx, [write.problemId]);
  return true;
}

/** Queues a batch's items in a few statements instead of one per write. */
export async function queueBatch(trx: Db, batch: WriteBatch): Promise<boolean> {
  const ids = batch.ids(SEARCH_QUEUE_HOOK);
  if (!ids.size) return false;
  await enqueueForIndex(trx, [...ids]);
  ids.clear();
  return true;
}

/** Writes the current documents of these items (and drops items that no longer exist). */
export async function indexProblems(db: Db, fullText: FullTextIndex, ids: number[]): Promise<void> {
  const { docs, missing } = await loadDocuments(db, ids);
  await fullText.write(db, docs);
  await fullText.delete(db, missing);
}

export { reindexAll } from './search-reindex.js';
