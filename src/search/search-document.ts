/**
 * What the search index holds for an item: its code, its title, and one body of description,
 * address, measures and public progress reports. Reporter name, phone and e-mail are never
 * indexed, so no query — public or staff — can find an item by a person's data.
 */
import type { Db } from '../db/database.js';
import type { FullTextDocument } from './full-text.js';
import { indexTerms, toIndexString } from './tokenize.js';

/** Events whose text is progress the public may read; their text is searchable with the item. */
export const PROGRESS_ACTIONS = ['progress'] as const;

export interface IndexedFields {
  id: number;
  code: string;
  title: string;
  description: string;
  address: string | null;
  measures: string | null;
  progress: string[];
}

const terms = (text: string) => toIndexString(indexTerms(text));

export function toDocument(f: IndexedFields): FullTextDocument {
  const body = [f.description, f.address, f.measures, ...f.progress].filter((t): t is string => Boolean(t)).join('\n');
  return { id: f.id, code: terms(f.code), title: terms(f.title), body: terms(body) };
}

function progressText(payload: string): string | null {
  try {
    const p = JSON.parse(payload) as { text?: unknown };
    return typeof p.text === 'string' && p.text.trim() ? p.text : null;
  } catch {
    return null;
  }
}

type ItemRow = Omit<IndexedFields, 'progress'>;
const ITEM_COLUMNS = ['id', 'code', 'title', 'description', 'address', 'measures'] as const;

/** The items' rows with their public progress texts, in the rows' order. */
async function withProgress(
  db: Db,
  rows: ItemRow[],
  ids: { in: number[] } | { from: number; to: number },
): Promise<IndexedFields[]> {
  if (!rows.length) return [];
  let q = db
    .selectFrom('events')
    .select(['problem_id', 'payload'])
    .where('action', 'in', [...PROGRESS_ACTIONS])
    .where('is_public', '=', 1);
  q =
    'in' in ids
      ? q.where('problem_id', 'in', ids.in)
      : q.where('problem_id', '>=', ids.from).where('problem_id', '<=', ids.to);
  const progress = new Map<number, string[]>();
  for (const e of await q.orderBy('id').execute()) {
    const text = progressText(e.payload);
    if (text) progress.set(e.problem_id, [...(progress.get(e.problem_id) ?? []), text]);
  }
  return rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? [] }));
}

/** Documents for these items as stored now; ids that no longer exist come back in `missing`. */
export async function loadDocuments(db: Db, ids: number[]): Promise<{ docs: FullTextDocument[]; missing: number[] }> {
  if (!ids.length) return { docs: [], missing: [] };
  const rows = await db
    .selectFrom('problems')
    .select([...ITEM_COLUMNS])
    .where('id', 'in', ids)
    .execute();
  const found = new Set(rows.map((r) => r.id));
  return {
    docs: (await withProgress(db, rows, { in: ids })).map(toDocument),
    missing: ids.filter((id) => !found.has(id)),
  };
}

/**
 * The next `limit` items after `afterId` in id order, for a rebuild: ranges instead of id lists,
 * so both the items and their events are read by one index range each.
 */
export async function loadFieldsAfter(db: Db, afterId: number, limit: number): Promise<IndexedFields[]> {
  const rows = await db
    .selectFrom('problems')
    .select([...ITEM_COLUMNS])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.length ? withProgress(db, rows, { from: rows[0].id, to: rows[rows.length - 1].id }) : [];
}
