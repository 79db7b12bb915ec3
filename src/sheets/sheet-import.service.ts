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
import type { Multipart } from '@fastify/multipart';
import { importSheet, type ImportDeps, type ImportOptions } from './import.service.js';
import type { ImportMode } from './import-report.js';
import { openSheetFile } from './sheet-reader.js';
import { withSheetUpload } from './sheet-upload.js';
import { listImports } from './sheet-import.repository.js';

export const IMPORT_ROLES: Role[] = ['admin', 'acceptance', 'supervisor'];
const MODES: ImportMode[] = ['dry_run', 'strict', 'valid_only'];

export function importsDir(config: Config): string {
  const dir = path.join(config.dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export type ImportFields = Pick<
  ImportOptions,
  'mode' | 'sheet' | 'sheetKey' | 'mapping' | 'isPublic' | 'suggestCategories'
>;

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
  const visibility = f.visibility || 'public';
  if (visibility !== 'public' && visibility !== 'private')
    throw new AppError(
      'validation_failed',
      say('visibility 必须是 public 或 private', 'visibility must be public or private'),
      { field: 'visibility' },
    );
  return {
    mode,
    sheet: f.sheet || undefined,
    sheetKey: f.sheetKey || undefined,
    mapping,
    isPublic: visibility === 'public',
    suggestCategories: f.suggestCategories === 'true',
  };
}

/**
 * The import as the back office and the CLI call it. `fromUpload` streams a multipart upload to a
 * temporary file (removed afterwards, whatever happens: `withSheetUpload`) before importing it.
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
    fromUpload: (actor: Actor, parts: AsyncIterableIterator<Multipart>) =>
      withSheetUpload(dir(), parts, (u) => fromFile(actor, u.file, u.name, parseImportFields(u.fields))),
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
