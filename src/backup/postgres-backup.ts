import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * PostgreSQL backups go through the standard tools: `pg_dump --format=custom` reads one
 * consistent snapshot while the server keeps writing, and `pg_restore` loads it. Their versions
 * must be at least the server's; PG_DUMP / PG_RESTORE name other binaries.
 */
function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new Error(
          e.code === 'ENOENT'
            ? `${tool} was not found; install the PostgreSQL client tools (same major version as the server ` +
                `or newer) or set ${tool.includes('restore') ? 'PG_RESTORE' : 'PG_DUMP'}`
            : e.message,
        ),
      );
    });
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${err.trim()}`)),
    );
  });
}

export async function postgresBackup(url: string, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  await run(process.env.PG_DUMP ?? 'pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${partial}`,
    `--dbname=${url}`,
  ]);
  fs.renameSync(partial, file);
}

/** Into an empty database: --clean drops the empty tables `qingdan migrate` may have created. */
export async function postgresRestore(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`there is no backup at ${file}`);
  await run(process.env.PG_RESTORE ?? 'pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ]);
}
