/**
 * Finds the header of an uploaded sheet with the mapping that applies: the one given with the
 * upload, else the one a colleague saved for the same set of headers. Reports what it saw, and
 * when nothing is recognised, a suggested mapping, so the clerk can map the columns and retry.
 */
import type { Db } from '../db/database.js';
import { cellText } from './cell-value.js';
import { detectHeader, type DetectedHeader } from './header-detect.js';
import { likelyHeaderRow, noHeaderMessage, suggestMapping } from './header-suggest.js';
import type { ImportReport, IssueLog } from './import-report.js';
import { findSavedMapping, headerDigest, saveMapping } from './sheet-mappings.js';
import type { SheetRow } from './sheet-reader.js';

const texts = (r: SheetRow) =>
  r.cells.map((c) => {
    const t = cellText(c);
    return t.ok ? t.text : '';
  });

export interface ResolvedHeader {
  header: DetectedHeader | null;
  info: Pick<ImportReport, 'header' | 'headersSeen' | 'suggestedMapping' | 'mappingSource' | 'headerDigest'>;
}

export async function resolveHeader(
  db: Db,
  scanned: SheetRow[],
  given: Record<string, string> | undefined,
  log: IssueLog,
): Promise<ResolvedHeader> {
  const rows = scanned.slice(0, 10).map(texts);
  const explicit = given && Object.keys(given).length ? given : undefined;
  const saved = explicit ? null : await findSavedMapping(db, rows);
  const mapping = explicit ?? saved?.mapping ?? {};
  const header = detectHeader(scanned, mapping);
  const seen = header ? header.headers.filter(Boolean) : likelyHeaderRow(rows);
  const unknown = header ? header.match.unknown.map((u) => u.header) : seen;
  const suggested = header && !header.match.missingRequired.length ? {} : suggestMapping(unknown);
  if (!header && scanned.length) log.sheet(bilingual(noHeaderMessage(scanned.length, seen, suggested)));
  const info: ResolvedHeader['info'] = {
    header: header && {
      rows: header.rows,
      unknown,
      columns: Object.entries(header.match.mapping).map(([field, index]) => ({
        index: index!,
        header: header.headers[index!],
        field: field as never,
      })),
    },
    headersSeen: seen,
    suggestedMapping: suggested,
    mappingSource: explicit ? 'given' : saved ? 'saved' : 'none',
    headerDigest: seen.length ? headerDigest(seen) : null,
  };
  return { header, info };
}

/** Remembers a mapping that found a usable header, for everyone's next sheet with these headers. */
export async function rememberMapping(
  db: Db,
  header: DetectedHeader,
  given: Record<string, string> | undefined,
  actorId: number | null,
  now: string,
): Promise<void> {
  if (!given || !Object.keys(given).length || header.match.missingRequired.length) return;
  await saveMapping(db, header.headers, given, actorId, now);
}

const bilingual = (b: { zh: string; en: string }) => `${b.zh} / ${b.en}`;
