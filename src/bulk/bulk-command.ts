import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { bulkSeed } from './bulk-seed.js';

/**
 * Commands other features provide to rebuild what their write hooks would have stored (a search
 * index, warning levels …). Bulk rows bypass those hooks, so each listed command that exists in
 * this build runs after the bulk insert. A feature adds its command path here.
 */
export const BULK_FOLLOW_UPS: string[][] = [
  ['search', 'reindex'],
  ['jobs', 'run', 'warnings'],
  ['stats', 'rebuild'],
];

function findCommand(program: Command, path: string[]): Command | undefined {
  let cmd: Command | undefined = program;
  for (const name of path) {
    // A command without subcommands takes the rest of the path as its arguments (`jobs run warnings`).
    if (cmd && cmd !== program && !cmd.commands.length) break;
    cmd = cmd?.commands.find((c) => c.name() === name);
  }
  return cmd;
}

/** `qingdan seed --bulk N`: validates N, inserts, then runs the follow-ups as separate processes. */
export async function runBulkSeed(
  program: Command,
  cli: CliHost,
  opts: { bulk: string; months?: string; seed?: string },
): Promise<void> {
  const count = Number(opts.bulk.replace(/[_,]/g, ''));
  if (!Number.isInteger(count) || count < 1 || count > 50_000_000)
    throw new Error(`--bulk wants a number of items between 1 and 50,000,000, got "${opts.bulk}"`);
  const months = opts.months === undefined ? 12 : Number(opts.months);
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new Error(`--months wants 1..120, got "${opts.months}"`);
  const say = (m: string) => process.stdout.write(`${m}\n`);
  const r = await cli.withDb(({ db, dialect }, config) =>
    bulkSeed(db, dialect, config, { count, months, seed: opts.seed ? Number(opts.seed) : undefined, log: say }),
  );
  say(
    `bulk: ${r.problems.toLocaleString('en')} items and ${r.events.toLocaleString('en')} events ` +
      `in ${r.seconds.toFixed(1)} s (${Math.round(r.problems / r.seconds).toLocaleString('en')} items/s)`,
  );
  for (const path of BULK_FOLLOW_UPS) {
    if (!findCommand(program, path)) continue;
    say(`bulk: running "qingdan ${path.join(' ')}" …`);
    // A separate process, as a user would run it: the feature's command owns its own setup.
    const res = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...path], {
      stdio: 'inherit',
      env: process.env,
    });
    if (res.status !== 0)
      throw new Error(
        `"qingdan ${path.join(' ')}" failed after the bulk insert (exit ${res.status}); run it again by hand`,
      );
  }
}
