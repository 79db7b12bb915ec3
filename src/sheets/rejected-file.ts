/**
 * The rejected-rows file of an import that kept only valid rows: the rejected rows as they were,
 * with their sheet row number and what was wrong, so people fix them and import that file again.
 * Written as the import streams, in the input's format.
 */
import fs from 'node:fs';
import { excel } from './exceljs.js';
import { cellText } from './cell-value.js';
import { csvLine, UTF8_BOM } from './csv-writer.js';
import type { SheetFormat } from './sheet-reader.js';

export interface RejectedWriter {
  add(rowNumber: number, cells: unknown[], problems: string[]): void;
  count(): number;
  /** Finishes the file; removes it when nothing was rejected. */
  finish(): Promise<string | null>;
  abort(): Promise<void>;
}

const textOf = (cells: unknown[], width: number) =>
  Array.from({ length: width }, (_, i) => {
    const t = cellText(cells[i]);
    return t.ok ? t.text : '';
  });

export function rejectedWriter(file: string, format: SheetFormat, headers: string[]): RejectedWriter {
  const header = ['原行号', ...headers, '错误原因'];
  let n = 0;
  if (format === 'csv') {
    const out = fs.createWriteStream(file);
    // A full disk is emitted as 'error'; unheard, it would end the process. finish() reports it.
    let failed: Error | null = null;
    out.on('error', (err) => {
      failed ??= err;
    });
    out.write(UTF8_BOM + csvLine(header));
    const close = () =>
      new Promise<void>((resolve, reject) =>
        failed ? reject(failed) : out.end((err?: Error | null) => (err || failed ? reject(err ?? failed) : resolve())),
      );
    return {
      add(rowNumber, cells, problems) {
        n++;
        out.write(csvLine([rowNumber, ...textOf(cells, headers.length), problems.join('；')]));
      },
      count: () => n,
      async finish() {
        await close();
        if (n === 0) {
          fs.rmSync(file, { force: true });
          return null;
        }
        return file;
      },
      async abort() {
        await close();
        fs.rmSync(file, { force: true });
      },
    };
  }
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('未导入的行', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.commit();
  return {
    add(rowNumber, cells, problems) {
      n++;
      const row = ws.addRow([rowNumber, ...textOf(cells, headers.length), problems.join('；')]);
      row.getCell(header.length).font = { color: { argb: 'FFC00000' } };
      row.commit();
    },
    count: () => n,
    async finish() {
      ws.commit();
      await wb.commit();
      if (n === 0) {
        fs.rmSync(file, { force: true });
        return null;
      }
      return file;
    },
    async abort() {
      try {
        ws.commit();
        await wb.commit();
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
  };
}
