/**
 * Finds the header of a real 整改清单: often below a title row ("荆州市…问题整改清单", merged across
 * the sheet), sometimes two rows deep where a merged group header (责任单位) sits above its
 * columns (牵头单位 | 配合单位) and single headers (序号) are merged down through both rows.
 */
import { matchHeaders, type HeaderMatch } from './columns.js';
import { cellText } from './cell-value.js';
import type { SheetRow } from './sheet-reader.js';

/** Rows searched for the header. */
export const HEADER_SCAN_ROWS = 10;

export interface DetectedHeader {
  /** Sheet row numbers of the header row(s). */
  rows: number[];
  /** One header text per column, 0-based; merged cells resolved. */
  headers: string[];
  match: HeaderMatch;
  /** Index (into the scanned rows) of the first data row. */
  dataStart: number;
}

const texts = (r: SheetRow) =>
  r.cells.map((c) => {
    const t = cellText(c);
    return t.ok ? t.text : '';
  });
export function detectHeader(scanned: SheetRow[], override: Record<string, string> = {}): DetectedHeader | null {
  const recognized = (cells: string[]) => Object.keys(matchHeaders(cells, override).mapping).length;
  // A row of headers has mostly recognised, non-empty cells (data rows almost never do).
  const headerLike = (cells: string[]) => {
    const n = recognized(cells);
    return n >= 1 && n * 2 >= cells.filter(Boolean).length;
  };
  const rows = scanned.slice(0, HEADER_SCAN_ROWS).map(texts);
  let best = -1;
  let bestScore = 0;
  rows.forEach((cells, i) => {
    const score = recognized(cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best < 0) return null;
  let top = best;
  let bottom = best;
  if (best + 1 < rows.length && headerLike(rows[best + 1])) bottom = best + 1;
  else if (best > 0 && headerLike(rows[best - 1])) top = best - 1;
  const width = Math.max(rows[top].length, rows[bottom].length);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(rows[bottom][c] || rows[top][c] || '');
  return {
    rows: top === bottom ? [scanned[top].number] : [scanned[top].number, scanned[bottom].number],
    headers,
    match: matchHeaders(headers, override),
    dataStart: bottom + 1,
  };
}
