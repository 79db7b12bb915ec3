/**
 * The import as the back office and the CLI call it: an uploaded or local file, the actor, and
 * the options as form fields or flags. Rejected-rows files are kept under <dataDir>/imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../lifecycle/lifecycle.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';
import { duplicatesOf } from '../duplicates/duplicate.routes.js';
import { deferIndexing, flushIndexing } from '../search/search.service.js';
import { importSheet, type ImportOptions } from './import.service.js';
import type { ImportMode } from './import-report.js';
import { openSheetFile } from './sheet-reader.js';

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
    throw new AppError('validation_failed', `mode must be one of ${MODES.join(', ')}`, { field: 'mode' });
  let mapping: Record<string, string> | undefined;
  if (f.mapping) {
    try {
      mapping = JSON.parse(f.mapping);
    } catch {
      throw new AppError('validation_failed', 'mapping must be a JSON object of header → field', { field: 'mapping' });
    }
    if (
      !mapping ||
      typeof mapping !== 'object' ||
      Array.isArray(mapping) ||
      Object.values(mapping).some((v) => typeof v !== 'string')
    ) {
      throw new AppError('validation_failed', 'mapping must be a JSON object of header → field', { field: 'mapping' });
    }
  }
  return { mode, sheet: f.sheet || undefined, sheetKey: f.sheetKey || undefined, mapping };
}

export function importer(services: Services) {
  const dups = duplicatesOf(services);
  const deps = {
    db: services.db,
    config: services.config,
    clock: services.clock,
    hooks: services.problemDeps.hooks,
    suggestDuplicates: (dbx: typeof services.db, d: Parameters<typeof dups.suggest>[0]) =>
      dups.suggest(d, { publicOnly: false, limit: 3, dbx }),
    batching: { start: deferIndexing, flush: flushIndexing },
  };
  return {
    deps,
    /** `fileName` names the sheet (its key, its format); `file` is where its bytes are. */
    async fromFile(
      actor: Actor,
      file: string,
      fileName: string,
      fields: ImportFields,
      extra: Partial<ImportOptions> = {},
    ) {
      const dir = importsDir(services.config);
      const ext = path.extname(fileName).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
      const tmpRejected =
        fields.mode === 'valid_only' ? path.join(dir, `rejected-${process.pid}-${Date.now()}.${ext}`) : undefined;
      const report = await importSheet(deps, () => openSheetFile(file, { sheet: fields.sheet }), {
        actor,
        fileName,
        ...fields,
        rejectedFile: tmpRejected,
        ...extra,
      });
      if (report.rejectedFile && report.importId) {
        const kept = path.join(dir, `${report.importId}-rejected.${ext}`);
        fs.renameSync(report.rejectedFile, kept);
        report.rejectedFile = `/api/v1/imports/${report.importId}/rejected`;
      }
      return report;
    },
  };
}

const Issue = Type.Object({
  row: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.String(), Type.Null()]),
  field: Type.Union([Type.String(), Type.Null()]),
  value: Type.Optional(Type.String()),
  message: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  suggestions: Type.Optional(Type.Array(Type.String())),
});
const Count = Type.Integer();
export const ImportReportSchema = Type.Object({
  ok: Type.Boolean(),
  mode: Type.String(),
  committed: Type.Boolean(),
  importId: Type.Union([Type.Integer(), Type.Null()]),
  fileName: Type.String(),
  sheetName: Type.Union([Type.String(), Type.Null()]),
  sheetKey: Type.String(),
  header: Type.Union([
    Type.Null(),
    Type.Object({
      rows: Type.Array(Type.Integer()),
      unknown: Type.Array(Type.String()),
      columns: Type.Array(Type.Object({ index: Type.Integer(), header: Type.String(), field: Type.String() })),
    }),
  ]),
  totals: Type.Object({
    rows: Count,
    valid: Count,
    invalid: Count,
    created: Count,
    updated: Count,
    unchanged: Count,
    skipped: Count,
  }),
  issues: Type.Array(Issue),
  issueCount: Type.Object({ errors: Count, warnings: Count }),
  issuesTruncated: Type.Boolean(),
  rejectedFile: Type.Union([
    Type.String({ description: 'download URL of the rejected rows (valid_only)' }),
    Type.Null(),
  ]),
  durationMs: Count,
  rowsPerSecond: Count,
});
