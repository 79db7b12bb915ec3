/**
 * Checks of the sheet as a whole before any row is read (is there a header, are the required
 * columns there, which headers mean nothing to us), and the duplicate hint for a new row.
 */
import type { Db } from '../db/database.js';
import { SHEET_COLUMNS } from './columns.js';
import type { DetectedHeader } from './header-detect.js';
import type { IssueLog } from './import-report.js';
import type { ImportRow } from './row-validate.js';
import type { SheetDuplicate } from './sheet-duplicates.js';

export type DuplicateHint = (
  db: Db,
  draft: { title: string; description: string; categoryId: number | null; areaId: number | null },
) => Promise<Array<{ code: string; score: number; reason: string }>>;

const labelOf = (field: string) => SHEET_COLUMNS.find((c) => c.field === field)?.label ?? field;

/** False when nothing can be imported: an empty sheet, no header, a required column missing. */
export function checkHeader(
  nonBlankRows: number,
  header: DetectedHeader | null,
  log: IssueLog,
  suggested: Record<string, string> = {},
): boolean {
  if (nonBlankRows === 0) {
    log.sheet('工作表是空的 / the sheet is empty');
    return false;
  }
  // resolveHeader has already said which headers it saw and what they might be.
  if (!header) return false;
  const { match } = header;
  for (const u of match.unknown) {
    log.add({
      row: header.rows.at(-1)!,
      column: u.header,
      field: null,
      severity: 'warning',
      message: `未识别的列“${u.header}”，已忽略；可在映射中指定 / unknown column ignored`,
    });
  }
  for (const d of match.duplicates) {
    log.add({
      row: header.rows.at(-1)!,
      column: d.header,
      field: d.field,
      severity: 'warning',
      message: `“${d.header}”与另一列同为“${labelOf(d.field)}”，已忽略 / second column for the same field ignored`,
    });
  }
  if (match.missingRequired.length) {
    const found = header.headers.filter(Boolean).join('、');
    const guess = Object.entries(suggested).map(([h, f]) => `${h} → ${labelOf(f)}`);
    const hint = guess.length ? `；建议映射：${guess.join('、')}` : '';
    const hintEn = guess.length
      ? `; suggested: ${Object.entries(suggested)
          .map(([h, f]) => `${h} → ${f}`)
          .join(', ')}`
      : '';
    log.sheet(
      `缺少必需的列：${match.missingRequired.map(labelOf).join('、')}（表头为：${found}）${hint} / required column missing${hintEn}`,
      'error',
      { field: match.missingRequired[0] },
    );
    return false;
  }
  if (match.mapping.seq === undefined && match.mapping.code === undefined && match.mapping.externalRef === undefined) {
    log.sheet(
      '表中没有“序号”或“编号”列：再次导入同一表格会新建重复事项 / without 序号 or 编号 a re-import cannot match rows',
      'warning',
    );
  }
  return true;
}

export async function duplicateHints(db: Db, suggest: DuplicateHint, row: ImportRow, log: IssueLog): Promise<void> {
  const found = await suggest(db, {
    title: row.title,
    description: row.description,
    categoryId: row.categoryId,
    areaId: row.areaId,
  });
  for (const s of found.slice(0, 3)) {
    log.add({
      row: row.rowNumber,
      column: null,
      field: null,
      severity: 'warning',
      value: s.code,
      message: `可能与已有事项 ${s.code} 重复（${s.reason}，相似度 ${Math.round(s.score * 100)}%）/ possible duplicate`,
    });
  }
}

/** A row that repeats an earlier row of the same sheet, exactly or nearly. */
export function sheetDuplicateWarning(log: IssueLog, row: number, twin: SheetDuplicate): void {
  log.add({
    row,
    column: null,
    field: null,
    severity: 'warning',
    value: String(twin.row),
    message:
      twin.kind === 'exact'
        ? `与第 ${twin.row} 行内容相同 / same text as row ${twin.row}`
        : `与第 ${twin.row} 行内容几乎相同（相似度 ${Math.round(twin.score * 100)}%）/ nearly the same as row ${twin.row}`,
  });
}
