/**
 * `qingdan search reindex`: rebuilds the full-text index from the items, after a bulk load that
 * bypassed the write hooks, a restore, or a change to how text is segmented.
 */
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import { ProgressBar } from '../sheets/progress-bar.js';
import { reindexAll } from './search.service.js';
import { fullTextFor } from './full-text.js';

export function registerSearchCommands(program: Command, cli: CliHost): void {
  const search = program.command('search').description('the full-text search index');
  search
    .command('reindex')
    .description('rebuild the search index of every item')
    .action(async () => {
      // Not started: a start on an empty index would build it once before this builds it again.
      await cli.withKernel(
        async (k) => {
          const bar = new ProgressBar('索引 indexing');
          const started = Date.now();
          const n = await reindexAll(k.db, fullTextFor(k.dialect), {
            onProgress: (p) => bar.update(p.done, p.total ? p.done / p.total : null),
          });
          bar.done(n);
          process.stdout.write(`indexed ${n} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        },
        { start: false },
      );
    });
}
