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

async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  for await (const rec of readCsv(input)) yield { number: rec.number, cells: rec.cells };
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
    async function* rows(): AsyncGenerator<SheetRow> {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        yield { number: row.number, cells: Array.isArray(values) ? values.slice(1) : [] };
      }
      input.destroy();
    }
    return { format: 'xlsx', name: ws.name, date1904, rows: rows(), close: () => input.destroy() };
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

export function openSheetFile(
  file: string,
  opts: { sheet?: string; onBytes?: (n: number) => void } = {},
): Promise<OpenedSheet> {
  let stream: Readable = fs.createReadStream(file);
  if (opts.onBytes) stream = stream.pipe(byteCounter(opts.onBytes));
  return openSheet(stream, file, opts);
}
