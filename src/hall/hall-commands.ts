import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { openSheetFile, type SheetRow } from '../sheets/sheet-reader.js';
import { cellText } from '../sheets/cell-value.js';
import { hallFeature } from './hall.feature.js';
import { CATALOGUE_HEADERS, readCatalogue } from './catalogue-sheet.js';
import { importCatalogue } from './catalogue-import.js';

/** `qingdan hall import FILE`: a catalogue sheet (.xlsx or .csv), all of it or nothing. */
export function registerHallCommands(program: Command, cli: CliHost): void {
  const hall = program.command('hall').description('the one-window hall: matter catalogue');
  hall
    .command('import <file>')
    .description(
      `import a matter catalogue, one matter per row (headers: ${Object.values(CATALOGUE_HEADERS)
        .map((h) => h[0])
        .join('、')})`,
    )
    .option('--publish [date]', 'publish every imported draft, from a date YYYY-MM-DD (default today)')
    .option('--dry-run', 'check every row and report, store nothing')
    .option('--sheet <name>', 'the worksheet to read (default: the first)')
    .option('--as <username>', 'record the import as this user (default: console)')
    .action(
      async (file: string, opts: { publish?: string | boolean; dryRun?: boolean; sheet?: string; as?: string }) => {
        if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
        await cli.withKernel(async (k) => {
          const rt = k.of(hallFeature).rt;
          const sheet = await openSheetFile(file, { sheet: opts.sheet });
          const rows: SheetRow[] = [];
          for await (const r of sheet.rows) rows.push(r);
          // The header is the first row that names a matter's code and name.
          const at = rows.findIndex((r) => {
            const texts = r.cells.map((c) => (cellText(c).ok ? (cellText(c) as { text: string }).text : ''));
            return (
              texts.some((t) => CATALOGUE_HEADERS.code.includes(t)) &&
              texts.some((t) => CATALOGUE_HEADERS.name.includes(t))
            );
          });
          if (at < 0) throw new Error('no header row with 事项编码 and 事项名称 in the first rows');
          const header = rows[at].cells.map((c) => {
            const t = cellText(c);
            return t.ok ? t.text : '';
          });
          const depts = await k.db.selectFrom('departments').select(['id', 'code', 'name']).execute();
          const map = new Map<string, number>([
            ...depts.map((d) => [d.name, d.id] as const),
            ...depts.map((d) => [d.code, d.id] as const),
          ]);
          const read = readCatalogue(header, rows.slice(at + 1), map);
          if (read.missingHeaders.length) throw new Error(`missing columns: ${read.missingHeaders.join(', ')}`);
          const bad = read.rows.filter((r) => r.errors.length);
          for (const r of bad) process.stdout.write(`row ${r.row} ${r.code}: ${r.errors.join('；')}\n`);
          if (bad.length) {
            process.stdout.write(`${bad.length} of ${read.rows.length} rows have errors; nothing imported\n`);
            process.exitCode = 1;
            return;
          }
          if (opts.dryRun) {
            process.stdout.write(`dry run: ${read.rows.length} matters would be imported\n`);
            return;
          }
          const publishFrom =
            opts.publish === undefined ? undefined : opts.publish === true ? rt.today() : String(opts.publish);
          const r = await importCatalogue(
            rt,
            await cli.actor(k, opts.as),
            read.rows.map((x) => ({ code: x.code, input: x.input!, row: x.row })),
            { publishFrom },
          );
          process.stdout.write(
            `imported ${read.rows.length} matters: ${r.created} new, ${r.updated} updated, ${r.published} published\n`,
          );
        });
      },
    );
}
