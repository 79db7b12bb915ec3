import fs from 'node:fs';
import type { Command } from 'commander';
import { printJson, type CliHost } from '../cli/cli-host.js';
import { renderLetterPdf } from './letter-pdf.js';
import { LETTER_KINDS, type LetterKind } from './letter-rules.js';
import { lettersFeature } from './letters.feature.js';

const kindOf = (k: string | undefined): LetterKind | undefined => {
  if (k === undefined) return undefined;
  if (!(LETTER_KINDS as readonly string[]).includes(k))
    throw new Error(`--kind must be one of ${LETTER_KINDS.join(', ')}`);
  return k as LetterKind;
};

/** `qingdan letters …`: what an operator scripts — the overdue list, issuing, printing. */
export function registerLetterCommands(program: Command, cli: CliHost): void {
  const cmd = program.command('letters').description('supervision letters (督办函) and summons (约谈)');
  cmd
    .command('list')
    .description('letters, newest first, as JSON')
    .option('--overdue', 'only letters without a reply past their deadline')
    .option('--kind <kind>', 'letter or summons')
    .option('--status <status>', 'issued, acknowledged or replied')
    .option('--unit <id>', 'addressed unit (department id)')
    .option('--limit <n>', 'how many', '50')
    .option('--as <username>', 'list as this user (default: console)')
    .action(
      async (o: { overdue?: boolean; kind?: string; status?: string; unit?: string; limit: string; as?: string }) => {
        await cli.withKernel(async (k) => {
          printJson(
            await k.of(lettersFeature).letters.list(await cli.actor(k, o.as), {
              overdue: o.overdue,
              kind: kindOf(o.kind),
              status: o.status as never,
              departmentId: o.unit ? Number(o.unit) : undefined,
              limit: Number(o.limit),
            }),
          );
        });
      },
    );

  cmd
    .command('issue')
    .description('issue a numbered letter or summons on an item to its lead unit')
    .requiredOption('--item <code>', 'the item')
    .requiredOption('--reason <text>', 'what triggered it (a missed milestone, a red warning)')
    .requiredOption('--text <text>', 'the letter')
    .option('--kind <kind>', 'letter or summons', 'letter')
    .option('--days <n>', 'working days to reply', '5')
    .option('--as <username>', 'issue as this user (default: console)')
    .action(async (o: { item: string; reason: string; text: string; kind: string; days: string; as?: string }) => {
      await cli.withKernel(async (k) => {
        const letter = await k.of(lettersFeature).letters.issue(await cli.actor(k, o.as), {
          kind: kindOf(o.kind)!,
          problemCode: o.item,
          reason: o.reason,
          text: o.text,
          replyDays: Number(o.days),
        });
        printJson(letter);
      });
    });

  cmd
    .command('pdf <id>')
    .description('write a letter as PDF')
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(async (id: string, o: { out: string }) => {
      await cli.withKernel(async (k) => {
        const row = await k.of(lettersFeature).letters.printable(await cli.actor(k), Number(id));
        fs.writeFileSync(o.out, await renderLetterPdf(row, k.config.hall.pdfFont));
        process.stdout.write(`${row.doc_number} → ${o.out}\n`);
      });
    });
}
