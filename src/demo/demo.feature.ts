import type { Command } from 'commander';
import { defineFeature } from '../feature.js';
import type { CliHost } from '../cli/cli-host.js';
import { runBulkSeed } from '../bulk/bulk-command.js';
import { isEmpty, seedDemo } from './demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-reference.js';

/** The demo city (Jingzhou 荆州) and bulk items for benchmarks: `qingdan seed --demo | --bulk N`. */
export const demoFeature = defineFeature({
  name: 'demo',
  cli: registerSeedCommand,
});

function registerSeedCommand(program: Command, cli: CliHost): void {
  program
    .command('seed')
    .description('fill an empty database with the demo city (--demo), or add N generated items fast (--bulk N)')
    .option('--demo', 'the demo city: reference data, accounts, the story items and generated items')
    .option('--items <n>', 'generated demo items', '2000')
    .option('--bulk <n>', 'add N realistic items with their histories in large batches (benchmarks, load tests)')
    .option('--months <n>', 'with --bulk: months the items spread over', '12')
    .option('--seed <n>', 'with --bulk: random seed')
    .action(async (opts: { demo?: boolean; items: string; bulk?: string; months?: string; seed?: string }) => {
      if (opts.bulk) return runBulkSeed(program, cli, { bulk: opts.bulk, months: opts.months, seed: opts.seed });
      if (!opts.demo) throw new Error('say what to seed: --demo or --bulk N');
      if (cli.config().production) throw new Error('the demo city is not seeded with NODE_ENV=production');
      await cli.withDb(async ({ db, dialect }, config) => {
        if (!(await isEmpty(db))) throw new Error('the database is not empty; the demo seeds only an empty one');
        await seedDemo(db, dialect, config, {
          generated: Number(opts.items),
          log: (m) => process.stdout.write(`${m}\n`),
        });
        process.stdout.write(
          `demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`,
        );
      });
    });
}
