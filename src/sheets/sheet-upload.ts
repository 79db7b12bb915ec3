import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { AppError } from '../errors.js';
import { checkPartText } from '../http/text-input.js';
import { formatOf } from './sheet-reader.js';

/** One uploaded sheet, written to a temporary file, and the form fields sent with it. */
export interface SheetUpload {
  file: string;
  name: string;
  fields: Record<string, string>;
}

/**
 * Streams a multipart upload of one sheet (.xlsx or .csv, checked by name before a byte is kept) to a
 * temporary file in `dir`, hands it to `use`, and removes the file afterwards whatever happens. Every
 * sheet upload (the 整改清单, a visit's findings, a 一企一策 plan) comes in through here.
 */
export async function withSheetUpload<T>(
  dir: string,
  parts: AsyncIterableIterator<Multipart>,
  use: (upload: SheetUpload) => Promise<T>,
): Promise<T> {
  const fields: Record<string, string> = {};
  let upload: { file: string; name: string } | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        checkPartText(part.fieldname, part.fieldname);
        checkPartText(part.fieldname, String(part.value));
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (upload) throw new AppError('validation_failed', 'send one file', { field: 'file' });
      checkPartText('file', part.filename);
      formatOf(part.filename);
      const file = path.join(dir, `upload-${crypto.randomUUID()}${path.extname(part.filename).toLowerCase()}`);
      upload = { file, name: part.filename };
      await pipeline(part.file, fs.createWriteStream(file));
      if (part.file.truncated) {
        throw new AppError(
          'payload_too_large',
          'the sheet is larger than the upload limit; import it with `qingdan import`',
        );
      }
    }
    if (!upload) throw new AppError('validation_failed', 'no file in the request', { field: 'file' });
    return await use({ ...upload, fields });
  } finally {
    if (upload) fs.rmSync(upload.file, { force: true });
  }
}
