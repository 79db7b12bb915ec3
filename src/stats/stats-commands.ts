/**
 * `qingdan stats rebuild`: recomputes the statistics counters from the items, after a bulk load
 * that bypassed the write hooks (run automatically after `qingdan seed --bulk`).
 */
import type { Command } from 'commander';
import { withDb } from '../cli/context.js';
import { rebuildCounters } from './stats-rebuild.js';

export function registerStatsCommands(program: Command): void {
  const stats = program.command('stats').description('the statistics counters');
  stats
    .command('rebuild')
    .description('recompute the counters behind the statistics summary from every item')
    .action(async () => {
      const started = Date.now();
      const r = await withDb((db) => rebuildCounters(db));
      process.stdout.write(
        `counted ${r.items} items into ${r.counters} counters in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
