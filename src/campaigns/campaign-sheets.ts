import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { AppError, say } from '../errors.js';
import { cellText } from '../sheets/cell-value.js';
import { csvLine, UTF8_BOM } from '../sheets/csv-writer.js';
import { openSheetFile } from '../sheets/sheet-reader.js';
import { FindingInput } from './campaign.schema.js';
import { MeasureInput } from './campaign-plan.schema.js';

/** Header names a sheet may use for each column, Chinese first (the first is the template's). */
const MEASURE_HEADERS = {
  name: ['措施', '整改措施', 'measure'],
  weight: ['权重', 'weight'],
  fraction: ['时间占比', 'fraction'],
  dueDate: ['完成时限', '时限', 'due date'],
};
const FINDING_HEADERS = {
  title: ['问题', '问题标题', 'title'],
  description: ['问题描述', '描述', 'description'],
  livelihood: ['民生', 'livelihood'],
  creditCode: ['统一社会信用代码', '信用代码', 'credit code'],
  subject: ['对象', '企业', 'subject'],
};

/** A row the import refused, with the reason in words a person fixes the sheet by. */
export interface RejectedRow {
  row: number;
  reason: string;
}

/** Reads a sheet's rows as text, the first row being the header. */
async function readSheet<K extends string>(file: string, headers: Record<K, string[]>, required: NoInfer<K>[]) {
  const sheet = await openSheetFile(file);
  const rows: string[][] = [];
  for await (const r of sheet.rows) rows.push(r.cells.map((c) => ((t) => (t.ok ? t.text : ''))(cellText(c))));
  const head = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const cols = Object.fromEntries(
    Object.entries(headers).map(([k, names]) => [k, head.findIndex((h) => (names as string[]).includes(h))]),
  ) as Record<K, number>;
  const missing = required.filter((k) => cols[k] < 0).map((k) => headers[k][0]);
  if (missing.length)
    throw new AppError(
      'validation_failed',
      say(`缺少列：${missing.join('、')}`, `missing columns: ${missing.join(', ')}`),
      { field: 'file' },
    );
  const body = rows.slice(1).filter((r) => r.some((c) => c.trim()));
  if (!body.length)
    throw new AppError('validation_failed', say('表中没有数据行', 'the sheet has no rows'), { field: 'file' });
  return body.map((r, i) => ({ row: i + 2, get: (k: K) => (cols[k] >= 0 ? (r[cols[k]] ?? '').trim() : '') }));
}

/** The first thing wrong with a row's value, as "field: message", or null. */
export function rowProblem(schema: TSchema, value: unknown): string | null {
  const e = Value.Errors(schema, value).First();
  return e ? `${e.path.replace(/^\//, '') || 'row'}: ${e.message}` : null;
}

const numberOr = (s: string) => (s === '' ? undefined : Number(s));

/** A 一企一策 plan sheet: one row per measure (措施, 权重, optional 时间占比 and 完成时限). */
export async function readPlanSheet(file: string) {
  const rows = await readSheet(file, MEASURE_HEADERS, ['name', 'weight']);
  return rows.map((r) => {
    const fraction = numberOr(r.get('fraction'));
    const dueDate = r.get('dueDate') || undefined;
    const measure = {
      name: r.get('name'),
      weight: numberOr(r.get('weight')) ?? Number.NaN,
      ...(fraction !== undefined && { fraction }),
      ...(dueDate && { dueDate }),
    };
    return { row: r.row, measure, problem: rowProblem(MeasureInput, measure) };
  });
}

/** A visit's findings or a forum's points: one row per problem (问题, 问题描述, 民生 是/否, 信用代码 or 对象). */
export async function readFindingSheet(file: string) {
  const rows = await readSheet(file, FINDING_HEADERS, ['title', 'description']);
  return rows.map((r) => {
    const finding = {
      title: r.get('title'),
      description: r.get('description'),
      livelihood: ['是', 'y', 'yes', '1', 'true'].includes(r.get('livelihood').toLowerCase()),
    };
    return {
      row: r.row,
      finding,
      creditCode: r.get('creditCode').toUpperCase() || null,
      subject: r.get('subject') || null,
      problem: rowProblem(FindingInput, finding),
    };
  });
}

/** The templates a person fills in: the header row and one example row, as Excel reads CSV. */
const TEMPLATES = {
  findings: {
    header: Object.values(FINDING_HEADERS).map((names) => names[0]),
    example: ['通勤公交班次太少', '开发区上下班时段公交班次少，职工通勤困难', '是', '', ''],
  },
  plan: {
    header: Object.values(MEASURE_HEADERS).map((names) => names[0]),
    example: ['废气收集设施改造', '40', '0.4', ''],
  },
};

export const templateCsv = (kind: keyof typeof TEMPLATES) =>
  UTF8_BOM + csvLine(TEMPLATES[kind].header) + csvLine(TEMPLATES[kind].example);
