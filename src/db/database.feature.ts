import type { Command } from 'commander';
import { defineFeature } from '../feature.js';
import type { CliHost } from '../cli/cli-host.js';
import { createDb } from './database.js';
import { migrateToLatest } from './migrate.js';

/** The schema: `qingdan migrate` brings it up to date (the server and every command migrate first too). */
export const databaseFeature = defineFeature({
  name: 'database',
  cli: registerMigrateCommand,
});

function registerMigrateCommand(program: Command, cli: CliHost): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const { db } = createDb(cli.config());
      try {
        const r = await migrateToLatest(db);
        const ran = r.results?.filter((x) => x.status === 'Success').map((x) => x.migrationName) ?? [];
        process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the schema is up to date\n');
      } finally {
        await db.destroy();
      }
    });
}
