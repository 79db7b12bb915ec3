/**
 * One sheet row → the item it describes, or the list of what is wrong with it (row, column,
 * value, message, close-match suggestions). Nothing is written here; the import decides.
 */
import type { State } from '../lifecycle/lifecycle.js';
import type { SheetField } from './columns.js';
import { cellRaw, cellText } from './cell-value.js';
import { parseSheetDate, type SheetDateOptions } from './dates.js';
import { splitMultiValue } from './name-match.js';
import { NEEDS_LEAD, parseCompletion, percentIn } from './completion.js';
import type { ReferenceResolver, RefKind } from './reference-resolver.js';
import { parseReportTime } from './report-time.js';

export interface ImportIssue {
  /** Sheet row number; null for problems of the whole sheet. */
  row: number | null;
  /** The header of the column as written in the sheet. */
  column: string | null;
  field: SheetField | null;
  value?: string;
  message: string;
  severity: 'error' | 'warning';
  suggestions?: string[];
}

export interface ImportRow {
  rowNumber: number;
  seq: string | null;
  code: string | null;
  title: string;
  description: string;
  sourceId: number | null;
  areaId: number | null;
  categoryId: number | null;
  measures: string | null;
  leadDepartmentId: number | null;
  coDepartmentIds: number[];
  responsiblePerson: string | null;
  ownerLeaderId: number | null;
  deadline: string | null;
  progress: string | null;
  progressPercent: number;
  status: State;
  completedOn: string | null;
  /** The original report time (反映时间) as an instant; becomes the item's created_at. */
  reportedAt: string | null;
  supportCount: number | null;
  opposeCount: number | null;
  externalRef: string | null;
  externalUserId: string | null;
  /** Which fields the sheet has a column for: a re-import changes only those. */
  present: Set<SheetField>;
}

export interface RowContext {
  mapping: Partial<Record<SheetField, number>>;
  headers: string[];
  resolver: ReferenceResolver;
  dates: SheetDateOptions;
  codePattern: RegExp;
  /** The city's time zone, for report times written in its local clock. */
  timezone: string;
}

const LIMITS: Partial<Record<SheetField, number>> = {
  title: 200,
  description: 10_000,
  measures: 10_000,
  progress: 10_000,
  responsiblePerson: 100,
  seq: 40,
  code: 40,
  externalRef: 100,
  externalUserId: 100,
};

/** A title for sheets without one: the first clause of the description, as people write titles. */
export function titleFrom(description: string): string {
  let t = description.split(/[。；;！!？?\n]/)[0].trim();
  // A long first sentence is cut at its first comma, if that leaves a real phrase.
  const clause = t.split(/[，,]/)[0].trim();
  if (t.length > 15 && clause.length >= 4) t = clause;
  if (t.length < 2) t = description.trim();
  return Array.from(t).slice(0, 40).join('');
}

/**
 * What identifies the row across re-imports of the same sheet when it has no 编号: its 序号, or
 * else the sheet's own reference (留言编号), kept apart from 序号 values by a prefix.
 */
export const rowKey = (r: Pick<ImportRow, 'seq' | 'externalRef'>): string | null =>
  r.seq ?? (r.externalRef ? `ref:${r.externalRef}` : null);

export function validateRow(
  cells: unknown[],
  rowNumber: number,
  ctx: RowContext,
): { row: ImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const present = new Set(Object.keys(ctx.mapping) as SheetField[]);
  const column = (f: SheetField) => (ctx.mapping[f] === undefined ? null : (ctx.headers[ctx.mapping[f]!] ?? null));
  const issue = (f: SheetField | null, message: string, extra: Partial<ImportIssue> = {}) =>
    issues.push({ row: rowNumber, column: f ? column(f) : null, field: f, message, severity: 'error', ...extra });
  const text = (f: SheetField): string | null => {
    const i = ctx.mapping[f];
    if (i === undefined) return null;
    const t = cellText(cells[i]);
    if (!t.ok) {
      issue(f, t.message);
      return null;
    }
    const limit = LIMITS[f];
    if (limit && t.text.length > limit) {
      issue(f, `内容过长（${t.text.length} 字，上限 ${limit}）/ too long`, { value: t.text.slice(0, 50) });
      return null;
    }
    return t.text || null;
  };
  const ref = (kind: RefKind, f: SheetField, name: string): number | null => {
    const r = ctx.resolver.resolve(kind, name);
    if (r.ok) return r.id;
    const hint = r.suggestions.length ? `，是否为：${r.suggestions.join('、')}` : '';
    issue(f, `未知的${column(f) ?? f}“${name}”${hint} / unknown name`, { value: name, suggestions: r.suggestions });
    return null;
  };
  const date = (f: SheetField): { date: string | null; longTerm: boolean } => {
    const i = ctx.mapping[f];
    if (i === undefined) return { date: null, longTerm: false };
    const d = parseSheetDate(cellRaw(cells[i]), ctx.dates);
    if (d.kind === 'invalid') {
      issue(f, d.message, {
        value: (() => {
          const t = cellText(cells[i]);
          return t.ok ? t.text : undefined;
        })(),
      });
      return { date: null, longTerm: false };
    }
    return { date: d.kind === 'date' ? d.date : null, longTerm: d.kind === 'long_term' };
  };

  const seq = text('seq');
  let code = text('code');
  if (code && !ctx.codePattern.test(code)) {
    issues.push({
      row: rowNumber,
      column: column('code'),
      field: 'code',
      value: code,
      severity: 'warning',
      message: `编号“${code}”不是本系统的编号，已忽略 / not a Qingdan code, ignored`,
    });
    code = null;
  }
  const description = text('description');
  if ((!description || description.length < 2) && !issues.some((i) => i.field === 'description'))
    issue('description', '问题描述为空或太短 / description is missing');
  const title = text('title') ?? (description ? titleFrom(description) : '');
  const sourceName = text('source');
  let sourceId: number | null = null;
  if (sourceName) {
    const r = ctx.resolver.resolve('source', sourceName);
    if (r.ok) sourceId = r.id;
    else
      issues.push({
        row: rowNumber,
        column: column('source'),
        field: 'source',
        value: sourceName,
        severity: 'warning',
        suggestions: r.suggestions,
        message: `未知的问题来源“${sourceName}”，记为“表格导入” / unknown source, recorded as import`,
      });
  }
  const areaName = text('area');
  const categoryName = text('category');
  const leadName = text('leadDepartment');
  const coNames = splitMultiValue(text('coDepartments'));
  const leaderName = text('ownerLeader');
  const areaId = areaName ? ref('area', 'area', areaName) : null;
  const categoryId = categoryName ? ref('category', 'category', categoryName) : null;
  const leadDepartmentId = leadName ? ref('department', 'leadDepartment', leadName) : null;
  const coDepartmentIds = coNames
    .map((n) => ref('department', 'coDepartments', n))
    .filter((x): x is number => x !== null && x !== leadDepartmentId);
  const ownerLeaderId = leaderName ? ref('leader', 'ownerLeader', leaderName) : null;
  const deadline = date('deadline');
  const completedOn = date('completedOn');
  const progress = text('progress');
  const completionText = text('completion') ?? '';
  const completion = parseCompletion(completionText);
  if (completion.kind === 'unknown') {
    issues.push({
      row: rowNumber,
      column: column('completion'),
      field: 'completion',
      value: completionText,
      severity: 'warning',
      message: `无法识别的完成情况“${completionText}”，按未完成处理 / unrecognised, treated as open`,
    });
  }
  if (completion.kind === 'state' && completion.state === 'merged') {
    issues.push({
      row: rowNumber,
      column: column('completion'),
      field: 'completion',
      value: completionText,
      severity: 'warning',
      message: '“已合并”的事项按未完成导入，请在系统中合并 / merged items import as open; merge them in Qingdan',
    });
  }
  let status: State;
  if (completion.kind === 'state' && completion.state !== 'merged') status = completion.state;
  else if (completedOn.date) status = 'closed';
  else if (deadline.longTerm) status = 'long_term';
  else status = leadName ? 'in_progress' : 'accepted';
  const measures = text('measures');
  const responsiblePerson = text('responsiblePerson');
  if (NEEDS_LEAD.includes(status) && !leadName)
    issue(
      'leadDepartment',
      `“${completionText || status}”的事项需要牵头单位 / an item in this state needs a lead unit`,
    );
  const done = ['rectified', 'verified', 'closed'].includes(status);
  const count = (f: 'supportCount' | 'opposeCount'): number | null => {
    const t = text(f);
    if (t === null) return null;
    const n = Number(t.normalize('NFKC').replace(/[,，\s]/g, ''));
    if (Number.isInteger(n) && n >= 0 && n < 1e9) return n;
    issue(f, `“${t}”不是非负整数 / not a whole number`, { value: t.slice(0, 50) });
    return null;
  };
  const supportCount = count('supportCount');
  const opposeCount = count('opposeCount');
  const externalRef = text('externalRef');
  const externalUserId = text('externalUserId');
  let reportedAt: string | null = null;
  if (ctx.mapping.reportedAt !== undefined) {
    const r = parseReportTime(cells[ctx.mapping.reportedAt], ctx.timezone, ctx.dates);
    if (r.kind === 'invalid') issue('reportedAt', r.message);
    else if (r.kind === 'time') reportedAt = r.iso;
  }
  if (issues.some((i) => i.severity === 'error')) return { row: null, issues };
  return {
    row: {
      rowNumber,
      seq,
      code,
      title,
      description: description!,
      sourceId,
      areaId,
      categoryId,
      measures,
      leadDepartmentId,
      coDepartmentIds: [...new Set(coDepartmentIds)],
      responsiblePerson,
      ownerLeaderId,
      deadline: deadline.date,
      progress,
      progressPercent: done ? 100 : (percentIn(progress) ?? 0),
      status,
      completedOn: completedOn.date,
      reportedAt,
      supportCount,
      opposeCount,
      externalRef,
      externalUserId,
      present,
    },
    issues,
  };
}
