import type { Command } from 'commander';
import { printJson, type CliHost } from '../cli/cli-host.js';
import { jobsFeature } from './jobs.feature.js';

export function registerJobCommands(program: Command, cli: CliHost): void {
  const jobs = program
    .command('jobs')
    .description('scheduled jobs (warnings, reminders, weekly-reports, notifications, audit-checkpoint)');
  jobs
    .command('list')
    .description('list the jobs')
    .action(async () => {
      await cli.withKernel(async (k) => {
        for (const j of k.of(jobsFeature).runner.list())
          process.stdout.write(`${j.name.padEnd(16)} ${j.description}\n`);
      });
    });
  jobs
    .command('run <name>')
    .description('run one job now (waits for no other instance to be running it)')
    .action(async (name: string) => {
      // Under the same lease as the scheduler, so it never overlaps a running one.
      await cli.withKernel(async (k) => {
        const out = await k.of(jobsFeature).runner.run(name);
        printJson(out);
        if (!out.ran) process.exitCode = 3;
      });
    });
}
