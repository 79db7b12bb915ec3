/**
 * The look people expect of an exported list: a bold, shaded, bordered header row that stays
 * frozen while scrolling, with a filter; wrapped text aligned to the top; set column widths.
 */
import type ExcelJS from 'exceljs';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function styleHeader(row: ExcelJS.Row): void {
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = { bold: true, name: '宋体', size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
}

export function styleBody(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = BORDER;
  });
}

/** Sheet options for a list: header frozen, filter over the header's columns. */
export function listSheetOptions(columnCount: number): Partial<ExcelJS.AddWorksheetOptions> {
  const last = String.fromCharCode(64 + Math.min(columnCount, 26));
  return {
    views: [{ state: 'frozen', ySplit: 1 }],
    autoFilter: `A1:${last}1` as unknown as ExcelJS.AutoFilter,
  } as Partial<ExcelJS.AddWorksheetOptions>;
}
