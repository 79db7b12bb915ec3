import { cellText } from '../sheets/cell-value.js';
import { openSheetFile } from '../sheets/sheet-reader.js';

/** Header names a sheet may use for each column, Chinese first. */
const MEASURE_HEADERS = {
  name: ['整改措施', '措施', 'measure'],
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

type Columns<K extends string> = Record<K, number>;

/** Reads a sheet's rows as text, the first row being the header. */
async function readSheet<K extends string>(file: string, headers: Record<K, string[]>, required: NoInfer<K>[]) {
  const sheet = await openSheetFile(file);
  const rows: string[][] = [];
  for await (const r of sheet.rows) rows.push(r.cells.map((c) => ((t) => (t.ok ? t.text : ''))(cellText(c))));
  const head = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const cols = Object.fromEntries(
    Object.entries(headers).map(([k, names]) => [k, head.findIndex((h) => (names as string[]).includes(h))]),
  ) as Columns<K>;
  const missing = required.filter((k) => cols[k] < 0).map((k) => headers[k][0]);
  if (missing.length) throw new Error(`missing columns: ${missing.join('、')}`);
  const body = rows.slice(1).filter((r) => r.some((c) => c.trim()));
  return body.map((r, i) => ({ row: i + 2, get: (k: K) => (cols[k] >= 0 ? (r[cols[k]] ?? '').trim() : '') }));
}

/** A 一企一策 plan sheet: one row per measure (措施, 权重, optional 时间占比 and 完成时限). */
export async function readPlanSheet(file: string) {
  const rows = await readSheet(file, MEASURE_HEADERS, ['name', 'weight']);
  const errors: string[] = [];
  const measures = rows.map((r) => {
    const weight = Number(r.get('weight'));
    if (!Number.isFinite(weight) || weight < 0) errors.push(`row ${r.row}: 权重 "${r.get('weight')}" is not a number`);
    const fraction = r.get('fraction') ? Number(r.get('fraction')) : undefined;
    const dueDate = r.get('dueDate') || undefined;
    return { name: r.get('name'), weight, ...(fraction !== undefined && { fraction }), ...(dueDate && { dueDate }) };
  });
  return { measures, errors };
}

/** A visit's findings or a forum's points: one row per problem (问题, 问题描述, 民生 是/否, 信用代码 or 对象). */
export async function readFindingSheet(file: string) {
  const rows = await readSheet(file, FINDING_HEADERS, ['title', 'description']);
  return rows.map((r) => ({
    row: r.row,
    title: r.get('title'),
    description: r.get('description'),
    livelihood: ['是', 'y', 'yes', '1', 'true'].includes(r.get('livelihood').toLowerCase()),
    creditCode: r.get('creditCode').toUpperCase() || null,
    subject: r.get('subject') || null,
  }));
}
