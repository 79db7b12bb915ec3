/**
 * An item as a row of the classic 整改清单, in SHEET_COLUMNS order (序号, 编号, 问题来源, 问题标题,
 * 问题描述, 所属区域, 问题类别, 整改措施, 牵头单位, 配合单位, 责任人, 领办领导, 整改时限, 整改进展,
 * 完成情况, 完成日期). What import reads back, export writes: re-importing an export is a no-op.
 */
import type { ProblemView } from '../problems/problem.schema.js';
import { localDate } from '../shared/time.js';
import { HISTORY_FIELDS, SHEET_COLUMNS, type ClassicField, type SheetField } from './columns.js';
import { STATE_LABELS } from './completion.js';

export const EXPORT_COLUMNS = SHEET_COLUMNS.filter((c) => !HISTORY_FIELDS.includes(c.field as never)).map((c) => ({
  field: c.field as ClassicField,
  label: c.label,
}));

/** Column widths in characters, as people set them in the classic sheet. */
export const EXPORT_WIDTHS: Record<ClassicField, number> = {
  seq: 6,
  code: 16,
  source: 14,
  title: 28,
  description: 48,
  area: 12,
  category: 14,
  measures: 40,
  leadDepartment: 22,
  coDepartments: 28,
  responsiblePerson: 10,
  ownerLeader: 14,
  deadline: 12,
  progress: 40,
  completion: 12,
  completedOn: 12,
};

/** Fields written as real dates in .xlsx (as 'YYYY-MM-DD' text in .csv). */
export const DATE_FIELDS: SheetField[] = ['deadline', 'completedOn'];

export type ExportValue = string | number | null;

export function exportRow(
  seq: number,
  p: ProblemView,
  latestProgress: string | null,
  timezone: string,
): Record<ClassicField, ExportValue> {
  const done = p.closedAt ?? p.rectifiedAt;
  return {
    seq,
    code: p.code,
    source: p.source.name,
    title: p.title,
    description: p.description,
    area: p.area?.name ?? null,
    category: p.category?.name ?? null,
    measures: p.measures,
    leadDepartment: p.leadDepartment?.name ?? null,
    coDepartments: p.coDepartments.map((d) => d.name).join('、') || null,
    responsiblePerson: p.responsiblePerson,
    ownerLeader: p.ownerLeader?.displayName ?? null,
    deadline: p.deadline ?? (p.status === 'long_term' ? '长期坚持' : null),
    progress: latestProgress,
    completion: STATE_LABELS[p.status],
    completedOn:
      done && ['rectified', 'verified', 'closed'].includes(p.status) ? localDate(new Date(done), timezone) : null,
  };
}
