/**
 * What the search index holds for an item: its code, its title, and one body of description,
 * address, measures and public progress reports. Reporter name, phone and e-mail are never
 * indexed, so no query — public or staff — can find an item by a person's data.
 */
import type { Db } from '../db/database.js';
import type { FullTextDocument } from '../db/dialect.js';
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

/** Documents for these items as stored now; ids that no longer exist come back in `missing`. */
export async function loadDocuments(db: Db, ids: number[]): Promise<{ docs: FullTextDocument[]; missing: number[] }> {
  if (!ids.length) return { docs: [], missing: [] };
  const rows = await db.selectFrom('problems').select(['id', 'code', 'title', 'description', 'address', 'measures'])
    .where('id', 'in', ids).execute();
  const events = await db.selectFrom('events').select(['problem_id', 'payload'])
    .where('problem_id', 'in', ids).where('action', 'in', [...PROGRESS_ACTIONS]).where('is_public', '=', 1)
    .orderBy('id').execute();
  const progress = new Map<number, string[]>();
  for (const e of events) {
    const text = progressText(e.payload);
    if (text) progress.set(e.problem_id, [...(progress.get(e.problem_id) ?? []), text]);
  }
  const found = new Set(rows.map((r) => r.id));
  return {
    docs: rows.map((r) => toDocument({ ...r, progress: progress.get(r.id) ?? [] })),
    missing: ids.filter((id) => !found.has(id)),
  };
}
