import type { Static } from '@sinclair/typebox';
import type { ImportMode } from '../../../src/sheets/import-report.js';
import type { ImportReportSchema } from '../../../src/sheets/sheet.schema.js';
import { request } from './client.js';

export type { ImportMode };
export type ImportReport = Static<typeof ImportReportSchema>;

export interface ImportChoices {
  /** Header → field or 'ignore'; the server remembers it for this set of headers. */
  mapping?: Record<string, string>;
  visibility?: 'public' | 'private';
  /** Rows without a category take the learned suggestion. */
  suggestCategories?: boolean;
}

/** POST /api/v1/imports: a 整改清单 upload, as a dry run or for real. */
export function importSheet(file: File, mode: ImportMode, choices: ImportChoices = {}): Promise<ImportReport> {
  const form = new FormData();
  form.append('mode', mode);
  if (choices.mapping && Object.keys(choices.mapping).length) form.append('mapping', JSON.stringify(choices.mapping));
  if (choices.visibility) form.append('visibility', choices.visibility);
  // Rows without a category take the one learned from history (the dry run lists it either way).
  if (choices.suggestCategories) form.append('suggestCategories', 'true');
  form.append('file', file);
  return request<ImportReport>('POST', '/api/v1/imports', { form });
}

/** Download links: the browser sends the session cookie with a plain GET. */
export const exportUrl = (format: 'xlsx' | 'csv', query: Record<string, string>) => {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return `/api/v1/problems/export.${format}${qs ? `?${qs}` : ''}`;
};
export const settlementUrl = (month: string) => `/api/v1/reports/settlement.xlsx?month=${encodeURIComponent(month)}`;
