/**
 * Column mappings remembered per set of headers (sheet_mappings), on the server so that every
 * colleague who uploads next month's sheet of the same system gets the mapping one of them chose.
 * The key is a digest of the sorted, normalised header names: column order and spelling noise
 * (spaces, full-width brackets) do not matter, a renamed or added column does.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { normalizeHeader } from './columns.js';

export function headerDigest(headers: string[]): string {
  const names = [...new Set(headers.map(normalizeHeader).filter(Boolean))].sort();
  return createHash('sha256').update(names.join('\n')).digest('hex');
}

/** The saved mapping of the first of these header rows that has one. */
export async function findSavedMapping(
  db: Db,
  rows: string[][],
): Promise<{ digest: string; mapping: Record<string, string> } | null> {
  const digests = rows.filter((r) => r.some(Boolean)).map(headerDigest);
  if (!digests.length) return null;
  const found = await db
    .selectFrom('sheet_mappings')
    .select(['digest', 'mapping'])
    .where('digest', 'in', digests)
    .execute();
  for (const d of digests) {
    const hit = found.find((f) => f.digest === d);
    if (hit) return { digest: d, mapping: JSON.parse(hit.mapping) as Record<string, string> };
  }
  return null;
}

export async function saveMapping(
  db: Db,
  headers: string[],
  mapping: Record<string, string>,
  actorId: number | null,
  now: string,
): Promise<string> {
  const digest = headerDigest(headers);
  const row = {
    headers: JSON.stringify(headers.filter(Boolean)),
    mapping: JSON.stringify(mapping),
    updated_by: actorId,
    updated_at: now,
  };
  await db
    .insertInto('sheet_mappings')
    .values({ digest, ...row })
    .onConflict((oc) => oc.column('digest').doUpdateSet(row))
    .execute();
  return digest;
}
