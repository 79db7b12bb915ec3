import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { dialects } from '../helpers/test-db.js';
import { footprint, upload } from '../sheets/sheet-files.js';
import { openSheetFile } from '../../src/sheets/sheet-reader.js';
import { sharedStrings, sheet, workbookParts, zip, type ZipPart } from './xlsx-bombs.js';

/**
 * Issue #16, finding 3: an .xlsx whose shared strings unpacked to 300 MB (from ~300 KB) held the
 * server at 2.3 GB with no answer. The zip is now measured before ExcelJS parses it — declared
 * sizes and entry count from the central directory, then the bytes actually inflated — and cells
 * are capped at Excel's 32,767 characters; a sheet whose cells lack addresses is a 400, not a 500.
 */
const DIALECTS = await dialects();
const MB = 1024 * 1024;
const A_MB = Buffer.alloc(MB, 'A');
const cellS0 = ['t="s"><v>0</v>'];
const bombStrings = () => sharedStrings(A_MB, 300);

const files: Record<string, Buffer> = {};
const withStrings = (strings: ZipPart['chunks'], edit: (p: ZipPart) => Partial<ZipPart> = () => ({})) =>
  zip(
    workbookParts({ sharedStrings: strings, sheet: sheet(cellS0) }).map((p) =>
      p.name === 'xl/sharedStrings.xml' ? { ...p, ...edit(p) } : p,
    ),
  );

beforeAll(async () => {
  files.good = await withStrings(sharedStrings(Buffer.from('你好'), 1));
  files.honest = await withStrings(bombStrings());
  files.lying = await withStrings(bombStrings(), () => ({ declaredSize: 1000 }));
  files.descriptor = await withStrings(bombStrings(), () => ({ declaredSize: 1000, descriptor: true }));
  files.ratio = await withStrings(sharedStrings(A_MB, 20));
  const many = Array.from({ length: 1500 }, (_, i) => ({ name: `xl/media/p${i}.xml`, chunks: [Buffer.from('x')] }));
  files.many = await zip([
    ...workbookParts({ sharedStrings: sharedStrings(Buffer.from('a'), 1), sheet: sheet(cellS0) }),
    ...many,
  ]);
  files.hidden = await zip([
    { name: 'xl/hidden.xml', chunks: [Buffer.from('x')], hidden: true },
    ...workbookParts({ sharedStrings: sharedStrings(Buffer.from('a'), 1), sheet: sheet(cellS0) }),
  ]);
  files.longCell = await withStrings(sharedStrings(Buffer.from('长'), 40_000));
  files.unaddressed = await zip(
    workbookParts({
      sharedStrings: sharedStrings(Buffer.from('a'), 1),
      sheet: sheet(['><v>1</v>', '><v>2</v>'], false),
    }),
  );
}, 30_000);

it('the hand-built workbook is a readable .xlsx, and the bomb is small on disk', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qd-xlsx-')), 'good.xlsx');
  fs.writeFileSync(file, files.good);
  const opened = await openSheetFile(file);
  const rows = [];
  for await (const r of opened.rows) rows.push(r.cells);
  expect(rows).toEqual([['你好']]);
  expect(files.honest.length).toBeLessThan(2 * MB);
});

describe.each(DIALECTS)('.xlsx zip bombs (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectRefused = async (name: string, status: number, code: string) => {
    const before = await footprint(t);
    const res = await upload(t, 'shouli', `${name}.xlsx`, files[name], { mode: 'strict' });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await footprint(t)).toEqual(before);
    return res.json().error;
  };

  it('refuses shared strings that declare 300 MB, and one that declares 1 KB but inflates to 300 MB', async () => {
    const rss = process.memoryUsage().rss;
    const honest = await expectRefused('honest', 413, 'payload_too_large');
    expect(honest.details.entry).toBe('xl/sharedStrings.xml');
    expect(honest.message).toMatch(/unpacks too large/);
    expect((await expectRefused('lying', 413, 'payload_too_large')).message).toMatch(/larger than it declares/);
    expect((await expectRefused('descriptor', 413, 'payload_too_large')).message).toMatch(/larger than it declares/);
    // 20 MB of one letter packs ~1000:1: refused by ratio, well under the size caps.
    expect((await expectRefused('ratio', 413, 'payload_too_large')).details.ratio).toBe(100);
    // Memory stays bounded: nothing near the 300 MB the bomb unpacks to was ever held.
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * MB);
  });

  it('refuses too many zip entries and an entry missing from the central directory', async () => {
    expect((await expectRefused('many', 413, 'payload_too_large')).details.limit).toBe(1000);
    expect((await expectRefused('hidden', 400, 'validation_failed')).message).toMatch(/xl\/hidden.xml/);
  });

  it('refuses a cell longer than Excel allows, naming it', async () => {
    const err = await expectRefused('longCell', 400, 'validation_failed');
    expect(err.details).toMatchObject({ field: 'file', row: 1, column: 'A' });
  });

  it('answers a sheet whose cells have no addresses with 400, not 500', async () => {
    const err = await expectRefused('unaddressed', 400, 'validation_failed');
    expect(err.details.field).toBe('file');
  });

  it('still imports an ordinary workbook', async () => {
    const res = await upload(t, 'shouli', 'good.xlsx', files.good, { mode: 'dry_run' });
    expect(res.statusCode, res.body).not.toBe(413);
    expect(res.statusCode).toBeLessThan(500);
  });
});
