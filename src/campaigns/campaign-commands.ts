import fs from 'node:fs';
import type { Command } from 'commander';
import { printJson, type CliHost } from '../cli/cli-host.js';
import { campaignFigures } from './campaign-stats.js';
import { campaignItems } from './campaign-items.js';
import type { SheetImportReport } from './campaign-import.service.js';
import { campaignsFeature } from './campaigns.feature.js';

const exists = (file: string) => {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
};

/** The report, and a failing exit when rows were rejected (nothing was stored then). */
const printOutcome = (r: SheetImportReport) => {
  printJson(r);
  if (!r.stored) process.exitCode = 1;
};

/** `qingdan campaigns …`: figures, and sheet imports of a plan or of findings (all of it or nothing). */
export function registerCampaignCommands(program: Command, cli: CliHost): void {
  const cmd = program.command('campaigns').description('field research, forums, subjects, 一企一策 plans');
  cmd
    .command('figures')
    .description('visits, problems found, livelihood, forums, campaigns — by leader and month')
    .action(async () => {
      await cli.withKernel(async (k) => printJson(await campaignFigures(k.db, await cli.actor(k))));
    });

  cmd
    .command('list')
    .description('campaigns with plans, progress and enforcement counts')
    .option('--limit <n>', 'how many', '20')
    .option('--offset <n>', 'skip', '0')
    .action(async (o: { limit: string; offset: string }) => {
      await cli.withKernel(async (k) => {
        const actor = await cli.actor(k);
        printJson(
          await k.of(campaignsFeature).campaigns.list(actor, { limit: Number(o.limit), offset: Number(o.offset) }),
        );
      });
    });

  cmd
    .command('items <id>')
    .description('items attached to a campaign (from a hot spot or by code), oldest first, with the total')
    .option('--limit <n>', 'how many', '20')
    .option('--offset <n>', 'skip', '0')
    .option('--as <username>', 'see them as this user (default: console)')
    .action(async (id: string, o: { limit: string; offset: string; as?: string }) => {
      await cli.withKernel(async (k) => {
        const actor = await cli.actor(k, o.as);
        printJson(await campaignItems(k.db, actor, Number(id), { limit: Number(o.limit), offset: Number(o.offset) }));
      });
    });

  cmd
    .command('import-plan <file>')
    .description("a subject's 一企一策 plan from a sheet, one row per measure (措施, 权重, 时间占比, 完成时限)")
    .requiredOption('--campaign <id>', 'the campaign')
    .requiredOption('--subject <id>', 'the subject')
    .option('--start <date>', 'back-schedule from this date (default today)')
    .option('--as <username>', 'record as this user (default: console)')
    .action(async (file: string, o: { campaign: string; subject: string; start?: string; as?: string }) => {
      exists(file);
      await cli.withKernel(async (k) => {
        const actor = await cli.actor(k, o.as);
        const opts = { subjectId: Number(o.subject), ...(o.start && { startDate: o.start }) };
        printOutcome(await k.of(campaignsFeature).imports.plan(actor, Number(o.campaign), opts, file));
      });
    });

  cmd
    .command('import-findings <file>')
    .description("a visit's findings or a forum's points, one row per problem (问题, 问题描述, 民生, 信用代码)")
    .option('--visit <id>', 'the visit')
    .option('--forum <id>', 'the forum')
    .option('--as <username>', 'record as this user (default: console)')
    .action(async (file: string, o: { visit?: string; forum?: string; as?: string }) => {
      if (!o.visit === !o.forum) throw new Error('give exactly one of --visit and --forum');
      exists(file);
      await cli.withKernel(async (k) => {
        const target = o.visit ? { visitId: Number(o.visit) } : { forumId: Number(o.forum) };
        printOutcome(await k.of(campaignsFeature).imports.findings(await cli.actor(k, o.as), target, file));
      });
    });
}
