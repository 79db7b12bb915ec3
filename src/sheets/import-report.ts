/**
 * The report of an import run: every problem row by row (row, column, what is wrong), totals,
 * and whether anything was committed. Issues are streamed to `onIssue` as found (the CLI prints
 * every one); the report keeps the first `maxIssues` so an HTTP answer stays a sane size.
 */
import type { SheetField } from './columns.js';
import type { ImportIssue } from './row-validate.js';

export type ImportMode = 'dry_run' | 'strict' | 'valid_only';

export interface ImportTotals {
  /** Data rows read (blank rows not counted). */
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Note rows (a single filled cell, no description) that were passed over. */
  skipped: number;
}

export interface ImportReport {
  ok: boolean;
  mode: ImportMode;
  committed: boolean;
  importId: number | null;
  fileName: string;
  sheetName: string | null;
  sheetKey: string;
  header: {
    rows: number[];
    columns: Array<{ index: number; header: string; field: SheetField }>;
    unknown: string[];
  } | null;
  /** The header cells as read (or, without a recognised header, the likeliest header row). */
  headersSeen: string[];
  /** Header → field guesses for the unrecognised headers, to start a mapping from. */
  suggestedMapping: Record<string, string>;
  /** Where the mapping came from: the upload, one remembered for these headers, or none. */
  mappingSource: 'given' | 'saved' | 'none';
  /** The key under which a mapping for these headers is remembered. */
  headerDigest: string | null;
  totals: ImportTotals;
  issues: ImportIssue[];
  issueCount: { errors: number; warnings: number };
  issuesTruncated: boolean;
  rejectedFile: string | null;
  durationMs: number;
  rowsPerSecond: number;
}

export class IssueLog {
  readonly issues: ImportIssue[] = [];
  errors = 0;
  warnings = 0;
  truncated = false;
  constructor(
    private max: number,
    private onIssue?: (i: ImportIssue) => void,
  ) {}

  add(i: ImportIssue): void {
    if (i.severity === 'error') this.errors++;
    else this.warnings++;
    this.onIssue?.(i);
    if (this.issues.length < this.max) this.issues.push(i);
    else this.truncated = true;
  }

  sheet(message: string, severity: 'error' | 'warning' = 'error', extra: Partial<ImportIssue> = {}): void {
    this.add({ row: null, column: null, field: null, message, severity, ...extra });
  }
}

export const emptyTotals = (): ImportTotals => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
});

/** One line per issue, as the CLI prints it and the rejected-rows file explains it. */
export function issueText(i: ImportIssue): string {
  const where = [i.row !== null ? `第 ${i.row} 行` : '整表', i.column ? `“${i.column}”列` : null]
    .filter(Boolean)
    .join(' ');
  return `${where}：${i.message}${i.value !== undefined && !i.message.includes(i.value) ? `（${i.value}）` : ''}`;
}
