/**
 * Zip bombs stop here, before ExcelJS reads an .xlsx (issue #16: a file whose shared strings
 * unpacked to 300 MB held the server at 2.3 GB with no answer). Two bounded passes: the central
 * directory's declared sizes and entry count, read from the end of the file; then every entry
 * inflated by the parser ExcelJS itself uses (unzipper, local headers in file order) with the
 * bytes counted, because a declared size can lie and a local entry need not be in the directory.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import unzipper from 'unzipper';
import { AppError } from '../errors.js';

const MB = 1024 * 1024;
export const ZIP_LIMITS = {
  entries: 1000,
  entryBytes: 256 * MB,
  totalBytes: 512 * MB,
  /** ExcelJS keeps the shared strings in memory whole; the rest it streams. */
  sharedStringsBytes: 64 * MB,
  /** Inflated ÷ compressed, checked once an entry passes 1 MB (Apache POI's default; XML packs ~10:1). */
  ratio: 100,
};
const RATIO_FROM = MB;
const SHARED_STRINGS = 'xl/sharedStrings.xml';

interface DirEntry {
  compressed: number;
  size: number;
}

const tooLarge = (why: string, details: Record<string, unknown>) =>
  new AppError('payload_too_large', `工作簿解压后过大（${why}）/ the workbook unpacks too large: ${why}`, {
    field: 'file',
    ...details,
  });
const notXlsx = (why: string) =>
  new AppError('validation_failed', `不是有效的 .xlsx 文件（${why}）/ not a valid .xlsx file: ${why}`, {
    field: 'file',
  });

function limitOf(name: string): number {
  return name === SHARED_STRINGS ? ZIP_LIMITS.sharedStringsBytes : ZIP_LIMITS.entryBytes;
}

/** Refuses an entry that has unpacked `size` bytes so far from `compressed` packed ones. */
function checkSize(name: string, size: number, compressed: number): void {
  const limit = limitOf(name);
  if (size > limit) throw tooLarge(`${name} > ${limit / MB} MB`, { entry: name, limit });
  if (size > RATIO_FROM && size > compressed * ZIP_LIMITS.ratio)
    throw tooLarge(`${name} packed more than ${ZIP_LIMITS.ratio}:1`, { entry: name, ratio: ZIP_LIMITS.ratio });
}

function checkTotal(total: number): void {
  if (total > ZIP_LIMITS.totalBytes)
    throw tooLarge(`> ${ZIP_LIMITS.totalBytes / MB} MB in all`, { limit: ZIP_LIMITS.totalBytes });
}

function checkCount(count: number): void {
  if (count > ZIP_LIMITS.entries)
    throw tooLarge(`more than ${ZIP_LIMITS.entries} parts`, { entries: count, limit: ZIP_LIMITS.entries });
}

/** The central directory: what each entry declares. Zip64 is refused (no real sheet needs 4 GB). */
async function readDirectory(file: string): Promise<Map<string, DirEntry>> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await fh.read(tail, 0, tail.length, size - tail.length);
    let end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw notXlsx('no zip central directory');
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw tooLarge('zip64', {});
    checkCount(count);
    if (dirOffset + dirSize > size) throw notXlsx('the central directory lies outside the file');
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, DirEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw notXlsx('damaged central directory');
      const nameEnd = p + 46 + dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, nameEnd);
      if (entries.has(name)) throw notXlsx(`${name} appears twice`);
      entries.set(name, { compressed: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24) });
      p = nameEnd + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Inflates every entry as ExcelJS would, counting bytes; stops at the first one over a limit. */
function inflateAll(file: string, declared: Map<string, DirEntry>): Promise<void> {
  const input = createReadStream(file);
  const zip = unzipper.Parse();
  let seen = 0;
  let total = 0;
  let done = false;
  return new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      input.unpipe(zip);
      input.destroy();
      zip.destroy();
      reject(err instanceof AppError ? err : notXlsx((err as Error).message));
    };
    zip.on('entry', (entry) => {
      const d = declared.get(entry.path);
      if (!d) return fail(notXlsx(`${entry.path} is not in the zip directory`));
      seen++;
      let size = 0;
      entry.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        try {
          if (size > d.size) throw tooLarge(`${entry.path} unpacks larger than it declares`, { entry: entry.path });
          checkSize(entry.path, size, d.compressed);
          checkTotal(total);
        } catch (err) {
          fail(err);
        }
      });
      entry.on('error', fail);
    });
    input.on('error', fail);
    zip.promise().then(() => (seen === 0 ? fail(notXlsx('no files in the zip')) : resolve()), fail);
    input.pipe(zip);
  });
}

/** Throws 413 `payload_too_large` (or 400 for a damaged zip) unless the .xlsx unpacks within ZIP_LIMITS. */
export async function checkXlsxSize(file: string): Promise<void> {
  const declared = await readDirectory(file);
  let total = 0;
  for (const [name, e] of declared) {
    checkSize(name, e.size, e.compressed);
    total += e.size;
  }
  checkTotal(total);
  await inflateAll(file, declared);
}
