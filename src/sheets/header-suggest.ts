/**
 * When no header row is recognised, the clerk needs to see what we saw and a way out: the likely
 * header row's cells and, per known field, the header that looks most like one of its names
 * (shared characters, so 留言详情 → 问题描述 via 详情/内容-like aliases, 信件标题 → 标题).
 */
import { say } from '../errors.js';
import { normalizeHeader, SHEET_COLUMNS, type SheetField } from './columns.js';

/** The row most likely to be the header: the first with the most short, filled cells. */
export function likelyHeaderRow(rows: string[][]): string[] {
  let best: string[] = [];
  let bestScore = 0;
  for (const cells of rows.slice(0, 10)) {
    const score = cells.filter((c) => c && c.length <= 30).length;
    if (score > bestScore) {
      best = cells;
      bestScore = score;
    }
  }
  return best.filter(Boolean);
}

const chars = (s: string) => new Set(Array.from(normalizeHeader(s)));
function likeness(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return a.size && b.size ? (2 * shared) / (a.size + b.size) : 0;
}

const NAMES = SHEET_COLUMNS.map((c) => ({ field: c.field, names: [c.label, ...c.aliases].map(chars) }));

/** Header → field: each field gets at most one header, best matches first; weak guesses are left out. */
export function suggestMapping(headers: string[]): Record<string, SheetField> {
  const pairs: Array<{ header: string; field: SheetField; score: number }> = [];
  for (const header of headers) {
    const h = chars(header);
    for (const { field, names } of NAMES) {
      const score = Math.max(...names.map((n) => likeness(h, n)));
      if (score >= 0.5) pairs.push({ header, field, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const out: Record<string, SheetField> = {};
  const taken = new Set<SheetField>();
  for (const p of pairs) {
    if (taken.has(p.field) || out[p.header]) continue;
    out[p.header] = p.field;
    taken.add(p.field);
  }
  return out;
}

const labelOf = (f: SheetField) => SHEET_COLUMNS.find((c) => c.field === f)!;

/** The "no header row found" message: what was seen and what to map. */
export function noHeaderMessage(scannedRows: number, seen: string[], suggested: Record<string, SheetField>) {
  const pairs = Object.entries(suggested);
  const zhPairs = pairs.map(([h, f]) => `${h} → ${labelOf(f).label}（${f}）`).join('、');
  const enPairs = pairs.map(([h, f]) => `${h} → ${f}`).join(', ');
  return say(
    `前 ${scannedRows} 行中找不到表头（如 序号、问题描述、牵头单位）。看到的表头：${seen.join('、') || '（无）'}` +
      (pairs.length ? `。建议映射：${zhPairs}；请在映射中确认后重试` : '。请在映射中指定各列对应的字段'),
    `no header row found in the first ${scannedRows} rows. Headers seen: ${seen.join(', ') || '(none)'}` +
      (pairs.length ? `. Suggested mapping: ${enPairs}; confirm it in the mapping and retry` : '; map the columns'),
  );
}
