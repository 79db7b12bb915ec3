/**
 * What a spreadsheet cell says, as text. ExcelJS hands over strings, numbers, Dates, booleans,
 * rich text, hyperlinks, error values and formulas; a formula counts by its cached result, and
 * one without a result (never calculated, e.g. written by a script) cannot be read at all.
 */

export type CellText = { ok: true; text: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates print as the day they name: ExcelJS gives date cells as UTC midnight. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const r = new Date(Math.round(d.getTime() / 1000) * 1000);
  return `${r.getUTCFullYear()}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
}

export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value.trim() };
  if (typeof value === 'number')
    return {
      ok: true,
      text: Number.isFinite(value) ? String(Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9) : '',
    };
  if (typeof value === 'boolean') return { ok: true, text: value ? '是' : '否' };
  if (value instanceof Date) return { ok: true, text: dateText(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { ok: false, message: `单元格错误 ${String(v.error)} / cell error` };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null)
        return { ok: false, message: '公式没有计算结果，请在 Excel 中重新计算并保存 / formula has no cached result' };
      return cellText(v.result);
    }
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText))
      return {
        ok: true,
        text: v.richText
          .map((r: { text?: string }) => r.text ?? '')
          .join('')
          .trim(),
      };
    if ('text' in v) return cellText(v.text);
  }
  return { ok: true, text: String(value).trim() };
}

/** The raw value for date parsing: formula results unwrapped, everything else as given. */
export function cellRaw(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if (('formula' in v || 'sharedFormula' in v) && v.result !== undefined) return v.result;
    if ('text' in v && 'hyperlink' in v) return v.text;
  }
  return value;
}
