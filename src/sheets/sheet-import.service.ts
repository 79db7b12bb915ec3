/**
 * The import as the back office and the CLI call it: an uploaded or local file, the actor, and
 * the options as form fields or flags. Rejected-rows files are kept under <dataDir>/imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../lifecycle/lifecycle.js';
import type { Config } from '../config.js';
import { AppError, say } from '../errors.js';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { importSheet, type ImportDeps, type ImportOptions } from './import.service.js';
import type { ImportMode } from './import-report.js';
import { formatOf, openSheetFile } from './sheet-reader.js';
import { listImports } from './sheet-import.repository.js';

export const IMPORT_ROLES: Role[] = ['admin', 'acceptance', 'supervisor'];
const MODES: ImportMode[] = ['dry_run', 'strict', 'valid_only'];

export function importsDir(config: Config): string {
  const dir = path.join(config.dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export type ImportFields = Pick<ImportOptions, 'mode' | 'sheet' | 'sheetKey' | 'mapping'>;

export function parseImportFields(f: Record<string, string>): ImportFields {
  const mode = (f.mode || (f.dryRun === 'false' ? 'strict' : 'dry_run')) as ImportMode;
  if (!MODES.includes(mode))
    throw new AppError(
      'validation_failed',
      say(`导入方式必须是以下之一：${MODES.join('、')}`, `mode must be one of ${MODES.join(', ')}`),
      { field: 'mode' },
    );
  let mapping: Record<string, string> | undefined;
  if (f.mapping) {
    try {
      mapping = JSON.parse(f.mapping);
    } catch {
      throw new AppError(
        'validation_failed',
        say('mapping 必须是“表头 → 字段”的 JSON 对象', 'mapping must be a JSON object of header → field'),
        { field: 'mapping' },
      );
    }
    if (
      !mapping ||
      typeof mapping !== 'object' ||
      Array.isArray(mapping) ||
      Object.values(mapping).some((v) => typeof v !== 'string')
    ) {
      throw new AppError(
        'validation_failed',
        say('mapping 必须是“表头 → 字段”的 JSON 对象', 'mapping must be a JSON object of header → field'),
        { field: 'mapping' },
      );
    }
  }
  return { mode, sheet: f.sheet || undefined, sheetKey: f.sheetKey || undefined, mapping };
}

/**
 * The import as the back office and the CLI call it. `fromUpload` streams a multipart upload to a
 * temporary file (removed afterwards, whatever happens) before importing it.
 */
export function sheetImports(deps: ImportDeps) {
  const dir = () => importsDir(deps.config);

  /** `fileName` names the sheet (its key, its format); `file` is where its bytes are. */
  async function fromFile(
    actor: Actor,
    file: string,
    fileName: string,
    fields: ImportFields,
    extra: Partial<ImportOptions> = {},
  ) {
    const ext = path.extname(fileName).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
    const tmpRejected =
      fields.mode === 'valid_only' ? path.join(dir(), `rejected-${process.pid}-${Date.now()}.${ext}`) : undefined;
    const report = await importSheet(deps, () => openSheetFile(file, { sheet: fields.sheet }), {
      actor,
      fileName,
      ...fields,
      rejectedFile: tmpRejected,
      ...extra,
    });
    if (report.rejectedFile && report.importId) {
      const kept = path.join(dir(), `${report.importId}-rejected.${ext}`);
      fs.renameSync(report.rejectedFile, kept);
      report.rejectedFile = `/api/v1/imports/${report.importId}/rejected`;
    }
    return report;
  }

  return {
    deps,
    fromFile,
    async fromUpload(actor: Actor, parts: AsyncIterableIterator<Multipart>) {
      const fields: Record<string, string> = {};
      let upload: { file: string; name: string } | null = null;
      try {
        for await (const part of parts) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (upload)
            throw new AppError('validation_failed', say('请上传一个文件', 'send one file'), { field: 'file' });
          formatOf(part.filename);
          const file = path.join(dir(), `upload-${crypto.randomUUID()}${path.extname(part.filename).toLowerCase()}`);
          upload = { file, name: part.filename };
          await pipeline(part.file, fs.createWriteStream(file));
          if (part.file.truncated) {
            throw new AppError(
              'payload_too_large',
              say(
                '表格超过上传限制，请用 `qingdan import` 导入',
                'the sheet is larger than the upload limit; import it with `qingdan import`',
              ),
            );
          }
        }
        if (!upload)
          throw new AppError('validation_failed', say('请求中没有文件', 'no file in the request'), { field: 'file' });
        return await fromFile(actor, upload.file, upload.name, parseImportFields(fields));
      } finally {
        if (upload) fs.rmSync(upload.file, { force: true });
      }
    },
    /** Committed imports, newest first. */
    list: () => listImports(deps.db),
    /** The rejected-rows file kept for a valid-rows-only import. */
    rejectedFile(id: number): { path: string; format: 'csv' | 'xlsx' } {
      const name = fs.readdirSync(dir()).find((f) => f.startsWith(`${id}-rejected.`));
      if (!name)
        throw new AppError('not_found', say(`导入 ${id} 没有被拒绝的行`, `import ${id} has no rejected rows`), {
          what: 'import',
          key: id,
        });
      return { path: path.join(dir(), name), format: name.endsWith('.csv') ? 'csv' : 'xlsx' };
    },
  };
}

export type SheetImports = ReturnType<typeof sheetImports>;
