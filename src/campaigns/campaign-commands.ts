import fs from 'node:fs';
import type { Command } from 'commander';
import { printJson, type CliHost } from '../cli/cli-host.js';
import { campaignFigures } from './campaign-stats.js';
import { readFindingSheet, readPlanSheet } from './campaign-sheets.js';
import { campaignsFeature } from './campaigns.feature.js';

const exists = (file: string) => {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
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
    .command('import-plan <file>')
    .description("a subject's 一企一策 plan from a sheet, one row per measure (措施, 权重, 时间占比, 完成时限)")
    .requiredOption('--campaign <id>', 'the campaign')
    .requiredOption('--subject <id>', 'the subject')
    .option('--start <date>', 'back-schedule from this date (default today)')
    .option('--as <username>', 'record as this user (default: console)')
    .action(async (file: string, o: { campaign: string; subject: string; start?: string; as?: string }) => {
      exists(file);
      const { measures, errors } = await readPlanSheet(file);
      if (errors.length) throw new Error(errors.join('\n'));
      await cli.withKernel(async (k) => {
        const plan = await k.of(campaignsFeature).plans.add(await cli.actor(k, o.as), Number(o.campaign), {
          subjectId: Number(o.subject),
          measures,
          ...(o.start && { startDate: o.start }),
        });
        printJson(plan);
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
      const rows = await readFindingSheet(file);
      await cli.withKernel(async (k) => {
        const codes = rows.map((r) => r.creditCode).filter((c): c is string => Boolean(c));
        const subjects = codes.length
          ? await k.db
              .selectFrom('cmp_subjects')
              .select(['id', 'credit_code'])
              .where('credit_code', 'in', codes)
              .execute()
          : [];
        const byCode = new Map(subjects.map((s) => [s.credit_code, s.id]));
        const unknown = rows.filter((r) => r.creditCode && !byCode.has(r.creditCode));
        if (unknown.length)
          throw new Error(unknown.map((r) => `row ${r.row}: no subject with credit code ${r.creditCode}`).join('\n'));
        const findings = rows.map((r) => ({
          title: r.title,
          description: r.description,
          livelihood: r.livelihood,
          subjectId: r.creditCode ? byCode.get(r.creditCode)! : null,
        }));
        const s = k.of(campaignsFeature);
        const actor = await cli.actor(k, o.as);
        const items = o.visit
          ? await s.visits.addFindings(actor, Number(o.visit), findings)
          : await s.forums.addPoints(actor, Number(o.forum), findings);
        printJson({ items });
      });
    });
}
