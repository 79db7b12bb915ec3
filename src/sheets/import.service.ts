/**
 * `qingdan import` and the back-office upload: streams a sheet, validates each row, and writes
 * the valid sheet in one transaction — or with mode 'valid_only' the valid rows, the others going
 * to a rejected-rows file. A dry run validates only. A run that fails leaves nothing behind.
 */
import path from 'node:path';
import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import type { Clock } from '../shared/time.js';
import type { Actor } from '../auth/actor.js';
import { runAfterBatch, WriteBatch, type ProblemHooks } from '../problems/problem-hooks.js';
import { findProblemByCode } from '../problems/problem.repository.js';
import { cellText } from './cell-value.js';
import { HEADER_SCAN_ROWS } from './header-detect.js';
import { rememberMapping, resolveHeader } from './import-header.js';
import { SheetDuplicates } from './sheet-duplicates.js';
import { loadReferenceData, ReferenceResolver } from './reference-resolver.js';
import { rowKey, validateRow, type ImportRow } from './row-validate.js';
import { createItem, flushKeys, planUpdate, updateItem, type WriteContext } from './import-writer.js';
import { CodeAllocator } from './code-allocator.js';
import { emptyTotals, IssueLog, issueText, type ImportMode, type ImportReport } from './import-report.js';
import { rejectedWriter, type RejectedWriter } from './rejected-file.js';
import type { OpenedSheet, SheetRow } from './sheet-reader.js';
import { unguard } from './csv-writer.js';
import { checkHeader, duplicateHints, sheetDuplicateWarning, type DuplicateHint } from './import-checks.js';
import { categoryHint, type CategoryHint } from './import-category-hint.js';

export interface ImportDeps {
  db: Db;
  config: Config;
  clock: Clock;
  hooks: ProblemHooks;
  /** Likely duplicates among existing items, for rows that would create new items. */
  suggestDuplicates?: DuplicateHint;
  /** The likeliest category learned from the city's triaged history (dispatch), null without a model. */
  suggestCategory?: CategoryHint;
}

/** Rows up to which the sheet's own rows are compared with each other (memory grows with them). */
const SHEET_DUPLICATE_ROWS = 50_000;

/** Rows between flushes of batched work (search index, import keys). */
const BATCH = 500;

export interface ImportOptions {
  actor: Actor;
  fileName: string;
  mode: ImportMode;
  sheet?: string;
  /** Identifies the sheet across re-imports for rows without a code; default: the file name. */
  sheetKey?: string;
  /**
   * Header text → field key or 'ignore', over the built-in header names. Given, it is remembered
   * for the set of headers it fits; absent, the one remembered for the sheet's headers applies.
   */
  mapping?: Record<string, string>;
  /** Whether new items are public (default) or private; a re-import leaves visibility alone. */
  isPublic?: boolean;
  /** Where 'valid_only' writes rejected rows. */
  rejectedFile?: string;
  maxIssues?: number;
  /** Rows up to which new items are checked for likely duplicates (each check costs a few queries). */
  duplicateCheckRows?: number;
  /** New rows without a category take the suggested one (the dry run shows it either way). */
  suggestCategories?: boolean;
  onRow?: (rowsRead: number) => void;
  onIssue?: (issue: ImportReport['issues'][number]) => void;
}

class Rollback extends Error {}

const isBlankRow = (r: SheetRow) =>
  r.cells.every((c) => {
    const t = cellText(c);
    return t.ok && t.text === '';
  });

export async function importSheet(
  deps: ImportDeps,
  open: () => Promise<OpenedSheet>,
  o: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const log = new IssueLog(o.maxIssues ?? 1000, o.onIssue);
  const totals = emptyTotals();
  const sheetKey = o.sheetKey ?? path.basename(o.fileName).replace(/\.[^.]+$/, '');
  const report = (extra: Partial<ImportReport>): ImportReport => ({
    ok: log.errors === 0,
    mode: o.mode,
    committed: false,
    importId: null,
    fileName: o.fileName,
    sheetName: null,
    sheetKey,
    header: null,
    headersSeen: [],
    suggestedMapping: {},
    mappingSource: 'none',
    headerDigest: null,
    totals,
    issues: log.issues,
    issueCount: { errors: log.errors, warnings: log.warnings },
    issuesTruncated: log.truncated,
    rejectedFile: null,
    durationMs: Date.now() - started,
    rowsPerSecond: Math.round(totals.rows / Math.max(0.001, (Date.now() - started) / 1000)),
    ...extra,
  });
  const sheet = await open();
  const it = sheet.rows[Symbol.asyncIterator]();
  let rejected: RejectedWriter | null = null;
  try {
    const scanned: SheetRow[] = [];
    for (
      let n = await it.next();
      !n.done;
      n = scanned.length < HEADER_SCAN_ROWS ? await it.next() : { done: true, value: undefined }
    ) {
      if (!isBlankRow(n.value)) scanned.push(n.value);
    }
    const { header, info } = await resolveHeader(deps.db, scanned, o.mapping, log);
    if (!checkHeader(scanned.length, header, log, info.suggestedMapping))
      return report({ sheetName: sheet.name, ...info });
    await rememberMapping(deps.db, header!, o.mapping, o.actor.id, deps.clock().toISOString());
    const { match, headers } = header!;
    const resolver = new ReferenceResolver(await loadReferenceData(deps.db));
    const importSourceId = resolver.idOfCode('source', 'import');
    if (!importSourceId) {
      log.sheet('参考数据中缺少“表格导入”来源（代码 import）/ the source "import" is missing');
      return report({ sheetName: sheet.name, ...info });
    }
    const keys = new Map(
      (
        await deps.db
          .selectFrom('sheet_import_keys')
          .select(['seq', 'problem_id'])
          .where('sheet_key', '=', sheetKey)
          .execute()
      ).map((k) => [k.seq, k.problem_id]),
    );
    const ctx = {
      mapping: match.mapping,
      headers,
      resolver,
      dates: { date1904: sheet.date1904 },
      codePattern: /^[A-Z]{1,8}-\d{4}-\d{1,9}$/,
      timezone: deps.config.timezone,
    };
    const sheetDuplicates = new SheetDuplicates();
    if (o.mode === 'valid_only' && o.rejectedFile) rejected = rejectedWriter(o.rejectedFile, sheet.format, headers);
    const seenSeq = new Map<string, number>();
    const seenCode = new Map<string, number>();
    const seenRef = new Map<string, number>();
    const now = deps.clock().toISOString();
    const wctx: WriteContext = {
      actor: o.actor,
      now,
      timezone: deps.config.timezone,
      codePrefix: deps.config.codePrefix,
      hooks: deps.hooks,
      fileName: path.basename(o.fileName),
      sheetKey,
      importSourceId,
      isPublic: o.isPublic ?? true,
      resolver,
      codes: new CodeAllocator(deps.config.codePrefix, now.slice(0, 4)),
      pendingKeys: [],
      // Lets write hooks do their work once per batch of rows (the search queue does).
      batch: new WriteBatch(),
    };
    const flush = async (trx: Db) => {
      await flushKeys(trx, wctx);
      await runAfterBatch(deps.hooks, trx, wctx.batch);
    };

    const processRow = async (trx: Db | null, r: SheetRow) => {
      if (isBlankRow(r)) return;
      const cells = sheet.format === 'csv' ? r.cells.map((c) => (typeof c === 'string' ? unguard(c) : c)) : r.cells;
      const descIndex = match.mapping.description!;
      const filled = cells.filter((c) => {
        const t = cellText(c);
        return !t.ok || t.text !== '';
      }).length;
      const desc = cellText(cells[descIndex]);
      if (filled <= 1 && desc.ok && desc.text === '') {
        totals.skipped++;
        log.add({
          row: r.number,
          column: null,
          field: null,
          severity: 'warning',
          message: '只有一个单元格有内容，视为说明行，已跳过 / note row skipped',
        });
        return;
      }
      totals.rows++;
      o.onRow?.(totals.rows);
      const v = validateRow(cells, r.number, ctx);
      const rowIssues = [...v.issues];
      const repeat = (seen: Map<string, number>, value: string | null, what: string) => {
        if (!value) return;
        const first = seen.get(value);
        if (first !== undefined)
          rowIssues.push({
            row: r.number,
            column: null,
            field: null,
            severity: 'error',
            value,
            message: `${what}“${value}”与第 ${first} 行重复 / repeats row ${first}`,
          });
        else seen.set(value, r.number);
      };
      repeat(seenSeq, v.row?.seq ?? null, '序号');
      repeat(seenRef, v.row?.externalRef ?? null, '外部编号');
      repeat(seenCode, v.row?.code ?? null, '编号');
      for (const i of rowIssues) log.add(i);
      const errors = rowIssues.filter((i) => i.severity === 'error');
      if (!v.row || errors.length) {
        totals.invalid++;
        rejected?.add(r.number, cells, errors.map(issueText));
        return;
      }
      totals.valid++;
      const row: ImportRow = v.row;
      const dbx = trx ?? deps.db;
      const key = rowKey(row);
      const prior = row.code
        ? await findProblemByCode(dbx, row.code)
        : key && keys.has(key)
          ? await dbx.selectFrom('problems').selectAll().where('id', '=', keys.get(key)!).executeTakeFirst()
          : undefined;
      const twin =
        totals.rows <= SHEET_DUPLICATE_ROWS ? sheetDuplicates.check(r.number, row.title, row.description) : null;
      if (twin) sheetDuplicateWarning(log, r.number, twin);
      if (!prior && deps.suggestDuplicates && totals.rows <= (o.duplicateCheckRows ?? 2000))
        await duplicateHints(dbx, deps.suggestDuplicates, row, log);
      if (!prior && row.categoryId === null && deps.suggestCategory)
        await categoryHint(deps.suggestCategory, row, log, o.suggestCategories === true);
      // Strict runs stop writing at the first bad row but keep validating, to report every problem.
      // A dry run asks the same question as the write (would anything change?), so the counts agree.
      if (!trx || (o.mode === 'strict' && log.errors > 0)) {
        if (prior) totals[(await planUpdate(dbx, prior, row, wctx)).kind]++;
        else totals.created++;
        return;
      }
      if (prior) totals[await updateItem(trx, prior, row, wctx)]++;
      else {
        const created = await createItem(trx, row, wctx);
        if (key) keys.set(key, created.id);
        totals.created++;
      }
      if (totals.valid % BATCH === 0) await flush(trx);
    };

    const run = async (trx: Db | null) => {
      for (const r of scanned.slice(header!.dataStart)) await processRow(trx, r);
      for (let n = await it.next(); !n.done; n = await it.next()) await processRow(trx, n.value);
      if (trx) {
        await flush(trx);
        await wctx.codes.finish(trx);
      }
    };
    if (o.mode === 'dry_run') {
      await run(null);
      return report({ sheetName: sheet.name, ...info });
    }
    let importId: number | null = null;
    try {
      await deps.db.transaction().execute(async (trx) => {
        await run(trx);
        if (o.mode === 'strict' && log.errors > 0) throw new Rollback();
        importId = (
          await trx
            .insertInto('sheet_imports')
            .values({
              file_name: path.basename(o.fileName),
              sheet_key: sheetKey,
              mode: o.mode,
              total_rows: totals.rows,
              created: totals.created,
              updated: totals.updated,
              unchanged: totals.unchanged,
              rejected: totals.invalid,
              actor_id: o.actor.id,
              actor_name: o.actor.name,
              started_at: now,
              finished_at: deps.clock().toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
      totals.created = 0;
      totals.updated = 0;
      totals.unchanged = 0;
      return report({ sheetName: sheet.name, ...info });
    }
    const rejectedFile = rejected ? await rejected.finish() : null;
    rejected = null;
    return report({
      ok: o.mode === 'valid_only' || log.errors === 0,
      committed: true,
      importId,
      sheetName: sheet.name,
      ...info,
      rejectedFile,
    });
  } finally {
    await rejected?.abort();
    sheet.close();
  }
}

export type { DuplicateHint };
