import ExcelJS from 'exceljs';
import type { TestApp } from '../helpers/test-app.js';

export const CLASSIC = [
  '序号',
  '问题来源',
  '问题描述',
  '所属区域',
  '问题类别',
  '整改措施',
  '牵头单位',
  '配合单位',
  '责任人',
  '领办领导',
  '整改时限',
  '整改进展',
  '完成情况',
  '完成日期',
];

/** A workbook with one sheet of these rows (row 1 first), as the bytes of an .xlsx file. */
export async function xlsx(
  rows: unknown[][],
  opts: { sheetName?: string; build?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '整改清单');
  for (const r of rows) ws.addRow(r);
  opts.build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file and some fields, for app.inject. */
export function multipart(file: { name: string; data: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----qingdan${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(t: TestApp, who: string, name: string, data: Buffer, fields: Record<string, string> = {}) {
  const { payload, headers } = multipart({ name, data }, fields);
  return t.as(who, { method: 'POST', url: '/api/v1/imports', payload, headers });
}

/** Row counts that must not move when nothing is imported. */
export async function footprint(t: TestApp) {
  const db = t.tdb.db;
  const count = async (table: 'problems' | 'events' | 'sheet_imports' | 'sheet_import_keys' | 'code_sequences') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const head = await db.selectFrom('audit_head').select(['last_event_id', 'last_hash']).executeTakeFirstOrThrow();
  return {
    problems: await count('problems'),
    events: await count('events'),
    imports: await count('sheet_imports'),
    keys: await count('sheet_import_keys'),
    sequences: await count('code_sequences'),
    head,
  };
}
