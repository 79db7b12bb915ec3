/**
 * CSV as Excel reads it: UTF-8 with a BOM (without one, Excel on Chinese Windows assumes GBK and
 * shows mojibake), CRLF line ends, fields quoted when they hold a delimiter, quote or line break.
 */

export const UTF8_BOM = '\uFEFF';

/**
 * Cells starting with = + - @ (or a tab/CR) would run as formulas when the file is opened in a
 * spreadsheet (CSV injection); a leading apostrophe keeps them text. Import strips it again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Undoes the apostrophe csvField adds, for cells read back from a CSV. */
export function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
