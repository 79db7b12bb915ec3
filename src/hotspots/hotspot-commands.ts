import type { Command } from 'commander';
import { printJson, type CliHost } from '../cli/cli-host.js';
import type { HotSort } from './cluster.js';
import { hotspotsFeature } from './hotspots.feature.js';

const SORTS: HotSort[] = ['score', 'size', 'growth', 'support'];

/** `qingdan hotspots list`: the clusters as the office sees them, for a report or a cron mail. */
export function registerHotspotCommands(program: Command, cli: CliHost): void {
  const cmd = program.command('hotspots').description('hot spots (热点问题): clusters of similar items');
  cmd
    .command('list')
    .description('clusters of similar items of one area in the window, ranked, as JSON (private items included)')
    .option('--days <n>', 'the window, in days', '30')
    .option('--sort <by>', `${SORTS.join(', ')}`, 'score')
    .option('--limit <n>', 'how many', '20')
    .option('--public', 'public items only, as the hot topics page shows them')
    .action(async (o: { days: string; sort: string; limit: string; public?: boolean }) => {
      if (!SORTS.includes(o.sort as HotSort)) throw new Error(`--sort must be one of ${SORTS.join(', ')}`);
      await cli.withKernel(async (k) => {
        printJson(
          await k
            .of(hotspotsFeature)
            .hot.clusters(!!o.public, { days: Number(o.days), sort: o.sort as HotSort, limit: Number(o.limit) }),
        );
      });
    });
}
