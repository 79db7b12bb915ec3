/**
 * `qingdan stats rebuild`: recomputes the statistics counters from the items, after a bulk load
 * that bypassed the write hooks (run automatically after `qingdan seed --bulk`).
 */
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { rebuildCounters } from './stats-rebuild.js';

export function registerStatsCommands(program: Command, cli: CliHost): void {
  const stats = program.command('stats').description('the statistics counters');
  stats
    .command('rebuild')
    .description('recompute the counters behind the statistics summary from every item')
    .action(async () => {
      const started = Date.now();
      const r = await cli.withDb(({ db, dialect }) => rebuildCounters(db, dialect));
      process.stdout.write(
        `counted ${r.items} items into ${r.counters} counters in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
