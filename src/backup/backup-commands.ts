import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { backupDatabase, restoreDatabase, type BackupSummary } from './backup.js';

function report(verb: string, s: BackupSummary): void {
  const counts =
    s.items === null
      ? ''
      : `: ${s.items.toLocaleString('en')} items, ${s.events!.toLocaleString('en')} events, ` +
        `audit chain ${s.chainOk ? 'intact' : 'BROKEN'}`;
  process.stdout.write(
    `${verb} ${s.file}${counts}; ${s.attachments} attachment files` +
      `${s.attachments ? ` in ${s.file}.attachments/` : ''}\n`,
  );
  if (s.chainOk === false) process.exitCode = 1;
}

/** `qingdan backup FILE` and `qingdan restore FILE` (docs/backup-restore.md has the details). */
export function registerBackupCommands(program: Command, cli: CliHost): void {
  program
    .command('backup')
    .description(
      'copy the database (and attachments) consistently while the server runs: ' +
        'SQLite online backup, or pg_dump for PostgreSQL',
    )
    .argument(
      '<file>',
      "the new backup file; attachments (files, or the S3 bucket's objects) go to <file>.attachments/",
    )
    .option(
      '--skip-verify',
      'do not re-read the SQLite copy to check the audit chain (saves time on very large databases)',
    )
    .action(async (file: string, opts: { skipVerify?: boolean }) => {
      report('backed up to', await backupDatabase(cli.config(), file, { verify: !opts.skipVerify }));
    });
  program
    .command('restore')
    .description(
      'restore a backup into an empty database (a new QINGDAN_DATA_DIR, or a new PostgreSQL database in ' +
        'DATABASE_URL); stop the server first',
    )
    .argument('<file>', 'a file made by "qingdan backup"')
    .action(async (file: string) => {
      report('restored from', await restoreDatabase(cli.config(), file));
    });
}
