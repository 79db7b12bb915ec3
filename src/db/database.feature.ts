import type { Command } from 'commander';
import { defineFeature } from '../feature.js';
import type { CliHost } from '../cli/cli-host.js';
import { createDb } from './database.js';
import { migrateDown, migrateToLatest, schemaState } from './migrate.js';

/** The schema: `qingdan migrate` brings it up to date (the server and every command migrate first too). */
export const databaseFeature = defineFeature({
  name: 'database',
  cli: registerMigrateCommand,
});

function registerMigrateCommand(program: Command, cli: CliHost): void {
  const withDb = async (fn: (db: ReturnType<typeof createDb>['db']) => Promise<void>) => {
    const { db } = createDb(cli.config());
    try {
      await fn(db);
    } finally {
      await db.destroy();
    }
  };
  const migrate = program
    .command('migrate')
    .description('bring the database schema up to date (status: what is applied; down: undo the newest)')
    .action(() =>
      withDb(async (db) => {
        const r = await migrateToLatest(db);
        const ran = r.results?.filter((x) => x.status === 'Success').map((x) => x.migrationName) ?? [];
        process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the schema is up to date\n');
      }),
    );
  migrate
    .command('status')
    .description('list every migration of this release, applied or pending, and any from a newer release')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) =>
      withDb(async (db) => {
        const s = await schemaState(db);
        const pending = s.known.filter((m) => !m.appliedAt).length;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...s, pending }, null, 2)}\n`);
          return;
        }
        for (const m of s.known) process.stdout.write(`${m.appliedAt ? 'applied' : 'pending'}  ${m.name}\n`);
        for (const n of s.ahead) process.stdout.write(`newer    ${n} (from a newer release)\n`);
        process.stdout.write(pending ? `${pending} pending: run \`qingdan migrate\`\n` : 'the schema is up to date\n');
      }),
    );
  migrate
    .command('down')
    .description('undo the newest applied migration (stop the servers first; back up before)')
    .action(() =>
      withDb(async (db) => {
        const r = await migrateDown(db);
        const undone = r.results?.filter((x) => x.status === 'Success').map((x) => x.migrationName) ?? [];
        process.stdout.write(undone.length ? `undone: ${undone.join(', ')}\n` : 'nothing to undo\n');
      }),
    );
}
