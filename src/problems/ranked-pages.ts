/**
 * Search results in relevance order, page by page, over every match. Search ranks its matches a
 * window at a time (the newest 1,000, then the next older 1,000 …); a page that uses up one window
 * goes on with the next, so a broad query (小区: 1,845 matches) is no longer cut at the first
 * window. The cursor is "position@window" where window is the id the window's matches are older
 * than (empty for the first).
 */
import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import type { SearchProvider } from './problem-hooks.js';
import { decodeCursor, encodeCursor, listRanked, type ListFilter, type Visibility } from './problem-list.repository.js';
import type { ProblemRow } from './problem.repository.js';

function badCursor(): never {
  throw new AppError('validation_failed', say('翻页游标无效', 'the cursor is not valid'), { field: 'cursor' });
}

function position(cursor: string | undefined): { pos: number; before?: number } {
  if (!cursor) return { pos: 0 };
  const [value] = decodeCursor(cursor);
  const [p, w] = value.split('@');
  const pos = Number(p);
  const before = w ? Number(w) : undefined;
  if (!Number.isInteger(pos) || pos < 0 || (before !== undefined && !Number.isInteger(before))) badCursor();
  return { pos, before };
}

export async function rankedPage(
  db: Db,
  search: SearchProvider,
  text: string,
  req: { filter: ListFilter; visibility: Visibility; publicOnly: boolean; limit: number; cursor?: string },
): Promise<{ rows: ProblemRow[]; nextCursor: string | null }> {
  // The window is already restricted to the filter; the per-page check must not redo the match.
  const filter: ListFilter = { ...req.filter, textMatch: undefined };
  let { pos, before } = position(req.cursor);
  const rows: ProblemRow[] = [];
  for (;;) {
    const { ids, more } = await search.window(db, text, {
      publicOnly: req.publicOnly,
      filter,
      visibility: req.visibility,
      before,
    });
    const page = await listRanked(db, { ...filter, matchedIds: ids }, req.visibility, req.limit - rows.length, pos);
    rows.push(...page.rows);
    const last = rows[rows.length - 1]?.id ?? 0;
    if (page.nextPos !== null) return { rows, nextCursor: encodeCursor(`${page.nextPos}@${before ?? ''}`, last) };
    if (!more || !ids.length) return { rows, nextCursor: null };
    before = Math.min(...ids);
    pos = 0;
    if (rows.length >= req.limit) return { rows, nextCursor: encodeCursor(`0@${before}`, last) };
  }
}
