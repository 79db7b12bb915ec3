/**
 * The current list — any filters, any search — as the classic sheet, streamed: .xlsx through
 * ExcelJS's streaming WorkbookWriter, .csv as UTF-8 with a BOM. Pages through the list service,
 * so what is exported is exactly what the caller may see in the list.
 */
import type { Writable } from 'node:stream';
import { excel } from './exceljs.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import type { ProblemService } from '../problems/problem.service.js';

/** What an export reads: the list as the actor sees it, and the latest progress texts. */
export interface ExportDeps {
  db: Db;
  timezone: string;
  problems: ProblemService;
}
import type { ListQueryInput, ProblemView } from '../problems/problem.schema.js';
import { csvLine, UTF8_BOM } from './csv-writer.js';
import { DATE_FIELDS, EXPORT_COLUMNS, EXPORT_WIDTHS, exportRow, type ExportValue } from './export-rows.js';
import { listSheetOptions, styleBody, styleHeader } from './sheet-style.js';

export type ExportFormat = 'xlsx' | 'csv';
const PAGE = 500;

/** The latest public-or-not progress text per item code (staff exports only). */
async function latestProgress(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('events')
    .innerJoin('problems', 'problems.id', 'events.problem_id')
    .select(['problems.code', 'events.payload'])
    .where('problems.code', 'in', codes)
    .where('events.action', '=', 'progress')
    .orderBy('events.id')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const text = (JSON.parse(r.payload) as { text?: unknown }).text;
    if (typeof text === 'string') out.set(r.code, text);
  }
  return out;
}

async function* pages(services: ExportDeps, actor: Actor, query: ListQueryInput): AsyncGenerator<ProblemView[]> {
  let cursor: string | undefined;
  do {
    const page = await services.problems.list(actor, { ...query, limit: PAGE, cursor }, { withTotal: false });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function excelDate(value: ExportValue): Date | ExportValue {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
}

export async function exportList(
  services: ExportDeps,
  actor: Actor,
  query: ListQueryInput,
  format: ExportFormat,
  out: Writable,
): Promise<number> {
  const tz = services.timezone;
  let n = 0;
  if (format === 'csv') {
    const write = (s: string) =>
      new Promise<void>((resolve, reject) => out.write(s, (err) => (err ? reject(err) : resolve())));
    await write(UTF8_BOM + csvLine(EXPORT_COLUMNS.map((c) => c.label)));
    for await (const items of pages(services, actor, query)) {
      const progress = await latestProgress(
        services.db,
        items.map((i) => i.code),
      );
      let chunk = '';
      for (const p of items) chunk += csvLine(Object.values(exportRow(++n, p, progress.get(p.code) ?? null, tz)));
      await write(chunk);
    }
    await new Promise<void>((resolve) => out.end(resolve));
    return n;
  }
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '清单 Qingdan';
  const ws = wb.addWorksheet('整改清单', listSheetOptions(EXPORT_COLUMNS.length));
  ws.columns = EXPORT_COLUMNS.map((c) => ({ key: c.field, width: EXPORT_WIDTHS[c.field] }));
  const header = ws.addRow(EXPORT_COLUMNS.map((c) => c.label));
  styleHeader(header);
  header.commit();
  for await (const items of pages(services, actor, query)) {
    const progress = await latestProgress(
      services.db,
      items.map((i) => i.code),
    );
    for (const p of items) {
      const values = exportRow(++n, p, progress.get(p.code) ?? null, tz);
      const row = ws.addRow(
        EXPORT_COLUMNS.map((c) => (DATE_FIELDS.includes(c.field) ? excelDate(values[c.field]) : values[c.field])),
      );
      for (const f of DATE_FIELDS)
        row.getCell(EXPORT_COLUMNS.findIndex((c) => c.field === f) + 1).numFmt = 'yyyy-mm-dd';
      styleBody(row);
      row.commit();
    }
  }
  ws.commit();
  await wb.commit();
  return n;
}
