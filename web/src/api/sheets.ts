import { request } from './client.js';

export type ImportMode = 'dry_run' | 'strict' | 'valid_only';

export interface ImportIssue {
  row: number | null;
  column: string | null;
  field: string | null;
  value?: string;
  message: string;
  severity: 'error' | 'warning';
  suggestions?: string[];
}

export interface ImportReport {
  ok: boolean;
  mode: string;
  committed: boolean;
  fileName: string;
  sheetName: string | null;
  totals: {
    rows: number;
    valid: number;
    invalid: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
  };
  issues: ImportIssue[];
  issueCount: { errors: number; warnings: number };
  issuesTruncated: boolean;
  rejectedFile: string | null;
  rowsPerSecond: number;
}

/** POST /api/v1/imports: a 整改清单 upload, as a dry run or for real. */
export function importSheet(file: File, mode: ImportMode): Promise<ImportReport> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file);
  return request<ImportReport>('POST', '/api/v1/imports', { form });
}

/** Download links: the browser sends the session cookie with a plain GET. */
export const exportUrl = (format: 'xlsx' | 'csv', query: Record<string, string>) => {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return `/api/v1/problems/export.${format}${qs ? `?${qs}` : ''}`;
};
export const settlementUrl = (month: string) => `/api/v1/reports/settlement.xlsx?month=${encodeURIComponent(month)}`;
