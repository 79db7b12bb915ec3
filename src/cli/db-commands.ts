import type { Command } from 'commander';
import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { isEmpty, seedDemo } from '../demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-reference.js';
import { cliConfig, withDb } from './context.js';
import { runBulkSeed } from '../bulk/bulk-command.js';

export function registerDbCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const config = cliConfig();
      const db = createDb(config);
      try {
        const r = await migrateToLatest(db);
        const ran = r.results?.filter((x) => x.status === 'Success').map((x) => x.migrationName) ?? [];
        process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the schema is up to date\n');
      } finally {
        await db.destroy();
      }
    });

  program
    .command('seed')
    .description('fill an empty database with the demo city (--demo), or add N generated items fast (--bulk N)')
    .option('--demo', 'the demo city: reference data, accounts, the story items and generated items')
    .option('--items <n>', 'generated demo items', '2000')
    .option('--bulk <n>', 'add N realistic items with their histories in large batches (benchmarks, load tests)')
    .option('--months <n>', 'with --bulk: months the items spread over', '12')
    .option('--seed <n>', 'with --bulk: random seed')
    .action(async (opts: { demo?: boolean; items: string; bulk?: string; months?: string; seed?: string }) => {
      if (opts.bulk) return runBulkSeed(program, { bulk: opts.bulk, months: opts.months, seed: opts.seed });
      if (!opts.demo) throw new Error('say what to seed: --demo or --bulk N');
      await withDb(async (db, config) => {
        if (!(await isEmpty(db))) throw new Error('the database is not empty; the demo seeds only an empty one');
        await seedDemo(db, config, { generated: Number(opts.items), log: (m) => process.stdout.write(`${m}\n`) });
        process.stdout.write(
          `demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`,
        );
      });
    });
}
