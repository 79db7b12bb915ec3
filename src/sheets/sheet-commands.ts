/**
 * `qingdan import FILE` and `qingdan export FILE`: the spreadsheet import and export of the back
 * office, at the console. Every issue of an import is printed as it is found; a progress bar
 * with rows per second runs on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { importSheet } from './import.service.js';
import { issueText, type ImportMode } from './import-report.js';
import { openSheetFile } from './sheet-reader.js';
import { ProgressBar } from './progress-bar.js';
import { sheetsFeature } from './sheets.feature.js';

const collect = (v: string, prev: string[]) => [...prev, v];

/** --map "诉求内容=description" --map "备注=ignore" → { 诉求内容: 'description', 备注: 'ignore' } */
function mappingOf(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((p) => {
      const i = p.lastIndexOf('=');
      if (i <= 0) throw new Error(`--map needs 表头=字段, got "${p}"`);
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
}

export function registerSheetCommands(program: Command, cli: CliHost): void {
  program
    .command('import <file>')
    .description('import a 整改清单 (.xlsx or .csv): the whole sheet in one transaction, or nothing')
    .option('--dry-run', 'check every row and report, import nothing')
    .option('--valid-only', 'import the valid rows, write the others to a rejected-rows file')
    .option('--rejected <file>', 'with --valid-only: where the rejected rows go (default: FILE.rejected.xlsx|csv)')
    .option('--sheet <name>', 'the worksheet to read (default: the first)')
    .option('--key <key>', "the sheet's identity for re-imports of rows without 编号 (default: the file name)")
    .option(
      '--map <header=field>',
      'map a header to a field (seq, code, source, title, description, area, category, measures, ' +
        'leadDepartment, coDepartments, responsiblePerson, ownerLeader, deadline, progress, completion, ' +
        'completedOn, reportedAt, supportCount, opposeCount, externalRef, externalUserId) or "ignore"; ' +
        "repeatable; remembered for the sheet's set of headers (without --map, a remembered mapping applies)",
      collect,
      [],
    )
    .option('--private', 'new items are private (staff only); default: public')
    .option('--suggest-categories', 'rows without a category take the category learned from history')
    .option('--as <username>', 'record the import as this user (default: console)')
    .action(
      async (
        file: string,
        opts: {
          dryRun?: boolean;
          validOnly?: boolean;
          rejected?: string;
          sheet?: string;
          key?: string;
          map: string[];
          private?: boolean;
          suggestCategories?: boolean;
          as?: string;
        },
      ) => {
        if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
        const mode: ImportMode = opts.dryRun ? 'dry_run' : opts.validOnly ? 'valid_only' : 'strict';
        const size = fs.statSync(file).size;
        let bytes = 0;
        const bar = new ProgressBar(mode === 'dry_run' ? '检查 checking' : '导入 importing');
        await cli.withKernel(async (k) => {
          const ext = path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
          const report = await importSheet(
            k.of(sheetsFeature).imports.deps,
            () =>
              openSheetFile(file, {
                sheet: opts.sheet,
                onBytes: (n) => {
                  bytes = n;
                },
              }),
            {
              actor: await cli.actor(k, opts.as),
              fileName: file,
              mode,
              sheet: opts.sheet,
              sheetKey: opts.key,
              mapping: mappingOf(opts.map),
              isPublic: !opts.private,
              rejectedFile:
                mode === 'valid_only'
                  ? (opts.rejected ?? `${file.replace(/\.[^.]+$/, '')}.rejected.${ext}`)
                  : undefined,
              duplicateCheckRows: 2000,
              suggestCategories: opts.suggestCategories === true,
              onRow: (rows) => bar.update(rows, bytes / size),
              onIssue: (i) => {
                bar.clear();
                process.stdout.write(`${i.severity === 'error' ? '错误 error' : '提示 warning'}  ${issueText(i)}\n`);
              },
            },
          );
          bar.done(report.totals.rows);
          const t = report.totals;
          const outcome = report.committed
            ? '已导入 imported'
            : mode === 'dry_run'
              ? '试运行 dry run, nothing imported'
              : '未导入 nothing imported';
          process.stdout.write(
            `${outcome}: ` +
              `${t.rows} 行 rows, ${t.valid} 有效 valid, ${t.invalid} 有误 invalid; ` +
              (report.committed || mode === 'dry_run'
                ? `${t.created} 新建 created, ${t.updated} 更新 updated, ${t.unchanged} 未变 unchanged; `
                : '') +
              `${report.issueCount.errors} 错误 errors, ${report.issueCount.warnings} 提示 warnings; ` +
              `${report.rowsPerSecond} 行/秒 rows/s\n`,
          );
          if (report.rejectedFile) process.stdout.write(`未导入的行 rejected rows: ${report.rejectedFile}\n`);
          if (!report.ok || (mode !== 'dry_run' && !report.committed)) process.exitCode = 1;
        });
      },
    );

  program
    .command('export <file>')
    .description(
      'export the list as the classic 整改清单 (.xlsx or .csv), or with --settlement the monthly ' +
        'settlement and rankings workbook',
    )
    .option('--status <states>', 'comma-separated states')
    .option('--category-id <id>')
    .option('--area-id <id>')
    .option('--department-id <id>')
    .option('--source-id <id>')
    .option('--from <date>', 'created on or after YYYY-MM-DD')
    .option('--to <date>', 'created on or before YYYY-MM-DD')
    .option('--overdue', 'only overdue items')
    .option('-q, --q <text>', 'full-text search')
    .option('--settlement <month>', 'YYYY-MM: the settlement and rankings of that month, one sheet per view')
    .option('--as <username>', 'export what this user may see (default: everything)')
    .action(async (file: string, o: Record<string, string | boolean | undefined>) => {
      const format = path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
      if (o.settlement && format !== 'xlsx') throw new Error('the settlement workbook is an .xlsx file');
      await cli.withKernel(async (k) => {
        const actor = await cli.actor(k, o.as as string | undefined);
        const out = fs.createWriteStream(file);
        const done = new Promise<void>((resolve, reject) => {
          out.on('finish', resolve);
          out.on('close', resolve);
          out.on('error', reject);
        });
        if (o.settlement) {
          const sheets = await k.of(sheetsFeature).exportSettlement(String(o.settlement), out);
          await done;
          process.stdout.write(`wrote ${file}: ${sheets.join(', ')}\n`);
          return;
        }
        const num = (key: string) => (o[key] === undefined ? undefined : Number(o[key]));
        const n = await k.of(sheetsFeature).exportList(
          actor,
          {
            status: o.status as string | undefined,
            categoryId: num('categoryId'),
            areaId: num('areaId'),
            departmentId: num('departmentId'),
            sourceId: num('sourceId'),
            from: o.from as string | undefined,
            to: o.to as string | undefined,
            overdue: o.overdue === true,
            q: o.q as string | undefined,
          },
          format,
          out,
        );
        await done;
        process.stdout.write(`wrote ${n} items to ${file}\n`);
      });
    });
}
