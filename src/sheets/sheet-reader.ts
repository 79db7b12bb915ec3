/**
 * Rows of the sheet being imported, one at a time, whatever the file: .xlsx through ExcelJS's
 * streaming WorkbookReader (the workbook is never held in memory), .csv through our own reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from './exceljs.js';
import { AppError } from '../errors.js';
import { readCsv } from './csv-reader.js';
import { cellText } from './cell-value.js';
import { checkXlsxSize } from './zip-guard.js';

/** Excel's own limit on a cell; anything longer was not written by a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** The row number a person sees in Excel (1-based). */
  number: number;
  /** Raw cell values, 0-based by column. */
  cells: unknown[];
}

export interface OpenedSheet {
  format: SheetFormat;
  /** Worksheet name (xlsx) or file name (csv). */
  name: string;
  date1904: boolean;
  rows: AsyncGenerator<SheetRow>;
  /** Releases the file when reading stops early. */
  close(): void;
}

export function formatOf(fileName: string): SheetFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xls')
    throw new AppError(
      'unsupported_media_type',
      '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx / save the .xls file as .xlsx',
    );
  throw new AppError(
    'unsupported_media_type',
    `不支持的文件类型 ${ext || '(无扩展名)'}，请使用 .xlsx 或 .csv / use .xlsx or .csv`,
  );
}

/** Counts bytes flowing through, for a progress bar on files of unknown row count. */
export function byteCounter(onBytes: (n: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      onBytes(n);
      cb(null, chunk);
    },
  });
}

const columnName = (i: number): string =>
  (i >= 26 ? columnName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

function checkCells(row: SheetRow): SheetRow {
  row.cells.forEach((c, i) => {
    const mayBeLong = typeof c === 'string' ? c.length > MAX_CELL_CHARS : c !== null && typeof c === 'object';
    if (!mayBeLong) return;
    const t = cellText(c);
    if (t.ok && t.text.length > MAX_CELL_CHARS)
      throw new AppError(
        'validation_failed',
        `第 ${row.number} 行 ${columnName(i)} 列超过 ${MAX_CELL_CHARS} 个字符 / ` +
          `cell ${columnName(i)}${row.number} is longer than ${MAX_CELL_CHARS} characters`,
        { field: 'file', row: row.number, column: columnName(i) },
      );
  });
  return row;
}

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  for await (const rec of readCsv(input)) yield checkCells({ number: rec.number, cells: rec.cells });
}

/** ExcelJS throws plain errors on malformed sheet XML (e.g. `<c>` without its `r` address): a 400, not a 500. */
async function* xlsxRows(ws: AsyncIterable<ExcelJS.Row>, input: Readable): AsyncGenerator<SheetRow> {
  const it = ws[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await it.next();
    } catch (err) {
      input.destroy();
      throw new AppError(
        'validation_failed',
        `无法读取工作表：${(err as Error).message} / the worksheet cannot be read (is every cell addressed?)`,
        { field: 'file' },
      );
    }
    if (next.done) break;
    const values = next.value.values as unknown[];
    yield checkCells({ number: next.value.number, cells: Array.isArray(values) ? values.slice(1) : [] });
  }
  input.destroy();
}

/**
 * Opens the named worksheet (default: the first). Styles are not read: dates then arrive as
 * Excel serial numbers, which dates.ts converts, and reading is markedly faster.
 */
async function openXlsx(input: Readable, sheetName?: string): Promise<OpenedSheet> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  for (;;) {
    let next: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
    try {
      next = await sheets.next();
    } catch (err) {
      throw new AppError(
        'validation_failed',
        `无法读取 .xlsx 文件：${(err as Error).message} / not a readable .xlsx file`,
        { field: 'file' },
      );
    }
    if (next.done) break;
    const ws = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name: string };
    seen.push(ws.name);
    if (sheetName && ws.name !== sheetName) {
      // Skipping a sheet still means reading past it in the zip stream.
      for await (const _row of ws) {
        /* drain */
      }
      continue;
    }
    const date1904 = Boolean(
      (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904,
    );
    const rows = xlsxRows(ws as AsyncIterable<ExcelJS.Row>, input);
    return { format: 'xlsx', name: ws.name, date1904, rows, close: () => input.destroy() };
  }
  throw new AppError(
    'validation_failed',
    sheetName
      ? `工作簿中没有名为“${sheetName}”的工作表（有：${seen.join('、') || '无'}）/ no worksheet named ${sheetName}`
      : '工作簿中没有工作表 / the workbook has no worksheet',
    { field: 'sheet', sheets: seen },
  );
}

export async function openSheet(
  input: Readable,
  fileName: string,
  opts: { sheet?: string } = {},
): Promise<OpenedSheet> {
  const format = formatOf(fileName);
  if (format === 'csv')
    return {
      format,
      name: path.basename(fileName),
      date1904: false,
      rows: csvRows(input),
      close: () => input.destroy(),
    };
  return openXlsx(input, opts.sheet);
}

/** An .xlsx is checked for zip bombs (zip-guard.ts) before ExcelJS unpacks any of it. */
export async function openSheetFile(
  file: string,
  opts: { sheet?: string; onBytes?: (n: number) => void } = {},
): Promise<OpenedSheet> {
  if (formatOf(file) === 'xlsx') await checkXlsxSize(file);
  let stream: Readable = fs.createReadStream(file);
  if (opts.onBytes) stream = stream.pipe(byteCounter(opts.onBytes));
  return openSheet(stream, file, opts);
}
