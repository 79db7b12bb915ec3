/**
 * Reads labelled messages for `qingdan dispatch evaluate`: a CSV whose first column is the label
 * and second the text, no header (UTF-8 with or without BOM, or GB18030), or a sheet in the import
 * format, where the label is the category column and the text the title and description.
 */
import { AppError } from '../errors.js';
import { cellText } from '../sheets/cell-value.js';
import { detectHeader, type DetectedHeader } from '../sheets/header-detect.js';
import { openSheetFile, type SheetRow } from '../sheets/sheet-reader.js';
import type { Example } from './linear-model.js';

const text = (c: unknown) => {
  const t = cellText(c);
  return t.ok ? t.text.trim() : '';
};

export async function readLabelled(file: string): Promise<Example[]> {
  const sheet = await openSheetFile(file);
  const head: SheetRow[] = [];
  const out: Example[] = [];
  let header: DetectedHeader | null | undefined;
  try {
    for await (const row of sheet.rows) {
      if (header === undefined && head.length < 10) {
        head.push(row);
        continue;
      }
      if (header === undefined) header = sheetHeader(head);
      push(out, row, header);
    }
  } finally {
    sheet.close();
  }
  if (header === undefined) {
    header = sheetHeader(head);
    for (const row of head.slice(header ? header.dataStart : 0)) push(out, row, header);
  } else {
    // The first rows were held back while looking for a header; they come first.
    const first: Example[] = [];
    for (const row of head.slice(header ? header.dataStart : 0)) push(first, row, header);
    out.unshift(...first);
  }
  if (!out.length) throw new AppError('validation_failed', `${file}: 没有带类别的行 / no labelled rows`);
  return out;
}

/** A sheet in the import format has a category and a description column; a plain CSV has neither. */
function sheetHeader(rows: SheetRow[]): DetectedHeader | null {
  const h = detectHeader(rows);
  const m = h?.match.mapping;
  return h && m?.category !== undefined && m.description !== undefined ? h : null;
}

function push(out: Example[], row: SheetRow, header: DetectedHeader | null): void {
  if (!header) {
    const label = text(row.cells[0]);
    const body = text(row.cells[1]);
    if (label && body) out.push({ label, text: body });
    return;
  }
  const col = (field: 'category' | 'title' | 'description') => {
    const i = header.match.mapping[field];
    return i === undefined ? '' : text(row.cells[i]);
  };
  const label = col('category');
  const body = [col('title'), col('description')].filter(Boolean).join('\n');
  if (label && body) out.push({ label, text: body });
}
