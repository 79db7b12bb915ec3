/**
 * A suggested category for an imported row that has none (issue #14: dispatch suggestions in
 * imports). The suggestion comes from the model learned from the city's own triaged items; the
 * dry run lists it per row, and an import asked to (`suggestCategories`) files the row under it.
 */
import type { IssueLog } from './import-report.js';
import type { ImportRow } from './row-validate.js';

export type CategoryHint = (text: string) => Promise<{ id: number; name: string } | null>;

export async function categoryHint(suggest: CategoryHint, row: ImportRow, log: IssueLog, apply: boolean) {
  const s = await suggest(`${row.title}\n${row.description}`);
  if (!s) return;
  if (apply) row.categoryId = s.id;
  log.add({
    row: row.rowNumber,
    column: null,
    field: 'category',
    severity: 'warning',
    value: s.name,
    message: apply
      ? `未填问题类别，已按分拨建议归入“${s.name}” / no category: filed under the suggested "${s.name}"`
      : `未填问题类别，建议归入“${s.name}” / no category: suggested "${s.name}"`,
  });
}
