import type { Command } from 'commander';
import { createDb } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { isEmpty, seedDemo } from '../demo/demo-seed.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-reference.js';
import { cliConfig, withDb } from './context.js';

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
    .description('fill an empty database with the demo city (--demo)')
    .option('--demo', 'the demo city: reference data, accounts, the story items and generated items')
    .option('--items <n>', 'generated demo items', '2000')
    .action(async (opts: { demo?: boolean; items: string }) => {
      if (!opts.demo) throw new Error('say what to seed: --demo');
      await withDb(async (db, config) => {
        if (!(await isEmpty(db))) throw new Error('the database is not empty; the demo seeds only an empty one');
        await seedDemo(db, config, { generated: Number(opts.items), log: (m) => process.stdout.write(`${m}\n`) });
        process.stdout.write(`demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`);
      });
    });
}
